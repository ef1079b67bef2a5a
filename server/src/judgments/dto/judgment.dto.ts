import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsDecimal } from '../../common/validators';
import { TEXT_OR_NULL } from '../../common/api-response';

export class PutJudgmentDto {
  @ApiProperty({ description: '评审给分（超出该项满分时按满分计）' })
  @IsDecimal(2, { message: '评分必须是数字，最多两位小数' })
  @Min(0, { message: '评分不能为负数' })
  @Max(100, { message: '评分不能超过 100' })
  score: number;

  @ApiPropertyOptional({ description: '评审意见' })
  @IsOptional()
  @IsString({ message: '评审意见必须是文字' })
  @MaxLength(500, { message: '评审意见不能超过 500 字' })
  note?: string;
}

export class JudgmentView {
  @ApiProperty({ example: 'U10' }) itemId: string;
  @ApiProperty() score: number;
  @ApiProperty(TEXT_OR_NULL) note: string | null;
  @ApiProperty({ description: '评审账号编号' }) judgedBy: number;
  @ApiProperty({ format: 'date-time' }) judgedAt: string;
}
