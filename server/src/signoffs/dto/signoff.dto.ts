import { ApiProperty } from '@nestjs/swagger';
import { type RecordKind, SIGNABLE_KINDS } from '@master-studio/shared-rules';
import { IsIn, IsInt, Min } from 'class-validator';

export class CreateSignoffDto {
  @ApiProperty({ enum: SIGNABLE_KINDS })
  @IsIn(SIGNABLE_KINDS, { message: `记录类型应为以下之一：${SIGNABLE_KINDS.join('、')}` })
  recordType: RecordKind;

  @ApiProperty()
  @IsInt({ message: '记录编号必须是整数' })
  @Min(1, { message: '记录编号必须是正整数' })
  recordId: number;
}

export class SignoffView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: SIGNABLE_KINDS }) recordType: string;
  @ApiProperty() recordId: number;
  @ApiProperty() accountId: number;
  @ApiProperty({ format: 'date-time' }) signedAt: string;
}

export class SignoffResult {
  @ApiProperty({ type: SignoffView }) signoff: SignoffView;
  @ApiProperty({ description: 'false：该记录已确认过，返回原来的确认' }) created: boolean;
}

/** A record's sign-off as its list and read views carry it (`signoff`, null until confirmed). */
export class SignoffStamp {
  @ApiProperty({ description: '确认人（单位联系人）姓名' }) signedBy: string;
  @ApiProperty({ format: 'date-time' }) signedAt: string;
}
