import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Min } from 'class-validator';

export const SIGNABLE_TYPES = ['member', 'apprentice', 'certificate', 'activity', 'achievement', 'fund', 'document'] as const;

export class CreateSignoffDto {
  @ApiProperty({ enum: SIGNABLE_TYPES })
  @IsIn(SIGNABLE_TYPES, { message: `记录类型应为以下之一：${SIGNABLE_TYPES.join('、')}` })
  recordType: (typeof SIGNABLE_TYPES)[number];

  @ApiProperty()
  @IsInt({ message: '记录编号必须是整数' })
  @Min(1, { message: '记录编号必须是正整数' })
  recordId: number;
}

export interface SignoffView {
  id: number;
  recordType: string;
  recordId: number;
  accountId: number;
  signedAt: string;
}
