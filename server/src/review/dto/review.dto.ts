import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsDecimal } from '../../common/validators';
import { TEXT_OR_NULL } from '../../common/api-response';

export class PutOverrideDto {
  @ApiProperty({ description: '改定的得分（0 至该项满分）' })
  @IsDecimal(2, { message: '改定得分必须是数字，最多两位小数' })
  @Min(0, { message: '改定得分不能为负数' })
  @Max(100, { message: '改定得分不能超过 100' })
  score: number;

  @ApiProperty({ description: '改分理由（必填，显示在考核表上并记入审计）' })
  @IsString({ message: '改分理由必须是文字' })
  @IsNotEmpty({ message: '请填写改分理由' })
  @MaxLength(500, { message: '改分理由不能超过 500 字' })
  reason: string;
}

export class PutReviewCommentDto {
  @ApiProperty({ description: '评审意见' })
  @IsString({ message: '评审意见必须是文字' })
  @IsNotEmpty({ message: '请填写评审意见' })
  @MaxLength(2000, { message: '评审意见不能超过 2000 字' })
  comment: string;
}

export class OverrideView {
  @ApiProperty({ example: 'G3' }) itemId: string;
  @ApiProperty() score: number;
  @ApiProperty() reason: string;
  @ApiProperty({ description: '改分的评审账号编号' }) overriddenBy: number;
  @ApiProperty({ description: '改分人' }) overriddenByName: string;
  @ApiProperty({ format: 'date-time' }) overriddenAt: string;
}

export class ReviewCommentView {
  @ApiProperty() comment: string;
  @ApiProperty() reviewedBy: number;
  @ApiProperty({ description: '评审人姓名' }) reviewedByName: string;
  @ApiProperty({ format: 'date-time' }) reviewedAt: string;
}

export class EvidenceRecordView {
  @ApiProperty({ description: '记录类型（activity、achievement…）' }) kind: string;
  @ApiProperty({ description: '记录编号' }) id: number;
  @ApiProperty({ description: '记录名称，如“焊接技能培训”' }) title: string;
  @ApiProperty({ type: String, nullable: true, description: '记录日期 YYYY-MM-DD' }) date:
    string | null;
  @ApiProperty(TEXT_OR_NULL) detail: string | null;
}

export class ItemRecordsView {
  @ApiProperty({ example: 'G6' }) itemId: string;
  @ApiProperty({ type: [EvidenceRecordView] }) records: EvidenceRecordView[];
}

export class ItemExplanationView {
  @ApiProperty({ example: 'G6' }) itemId: string;
  @ApiProperty({ description: '考核表上的说明，记录编号换成记录名称' }) text: string;
}

export class ReviewView {
  @ApiProperty({ type: ReviewCommentView, nullable: true }) comment: ReviewCommentView | null;
  @ApiProperty({ type: [OverrideView] }) overrides: OverrideView[];
  @ApiProperty({ type: [ItemRecordsView], description: '各考核项目依据的记录（名称、日期）' })
  evidence: ItemRecordsView[];
  @ApiProperty({ type: [ItemExplanationView] }) explanations: ItemExplanationView[];
}
