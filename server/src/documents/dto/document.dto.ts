import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PatchType } from '../../common/patch-type';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DatedPageQuery } from '../../common/date-range';
import { IsCalendarDate } from '../../common/validators';
import { oneOf } from '../../rules/vocabulary';
import { DOCUMENT_KINDS } from '@master-studio/shared-rules';
import { DATE, TEXT_OR_NULL } from '../../common/api-response';
import { Keyword } from '../../common/keyword';

export class CreateDocumentDto {
  @ApiProperty({
    enum: DOCUMENT_KINDS,
    description:
      'annual_plan：某年度工作计划；annual_summary：某年度总结；mentoring_plan：某年度带徒计划',
  })
  @IsIn(DOCUMENT_KINDS, { message: oneOf('材料类型', DOCUMENT_KINDS) })
  kind: string;

  @ApiProperty({ example: 2025, description: '计划或总结所针对的年度' })
  @IsInt({ message: '年度必须是整数' })
  @Min(2000, { message: '年度不能早于 2000 年' })
  @Max(2100, { message: '年度不能晚于 2100 年' })
  year: number;

  @ApiProperty({ description: '报送日期' })
  @IsCalendarDate({ message: '报送日期格式应为 YYYY-MM-DD' })
  submittedOn: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '标题必须是文字' })
  @MaxLength(160, { message: '标题不能超过 160 字' })
  title?: string;
}

export class UpdateDocumentDto extends PatchType(CreateDocumentDto) {}

export class ListDocumentsQuery extends DatedPageQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_KINDS })
  @IsOptional()
  @IsIn(DOCUMENT_KINDS, { message: oneOf('材料类型', DOCUMENT_KINDS) })
  kind?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '年度必须是整数' })
  year?: number;

  @Keyword('按标题搜索')
  q?: string;
}

export class DocumentView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: string;
  @ApiProperty() year: number;
  @ApiProperty(DATE) submittedOn: string;
  @ApiProperty(TEXT_OR_NULL) title: string | null;
}
