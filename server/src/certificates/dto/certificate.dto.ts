import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PatchType } from '../../common/patch-type';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { DatedPageQuery } from '../../common/date-range';
import { IsCalendarDate } from '../../common/validators';
import { oneOf } from '../../rules/vocabulary';
import { SKILL_LEVELS } from '@master-studio/shared-rules';
import { DATE, TEXT_OR_NULL } from '../../common/api-response';
import { Keyword } from '../../common/keyword';

export class CreateCertificateDto {
  @ApiProperty({ description: '获得证书的徒弟编号' })
  @IsInt({ message: '徒弟编号必须是整数' })
  @Min(1, { message: '徒弟编号必须是正整数' })
  apprenticeId: number;

  @ApiProperty({ enum: SKILL_LEVELS })
  @IsIn(SKILL_LEVELS, { message: oneOf('证书等级', SKILL_LEVELS) })
  level: string;

  @ApiProperty({ description: '发证日期' })
  @IsCalendarDate({ message: '发证日期格式应为 YYYY-MM-DD' })
  awardedOn: string;

  @ApiPropertyOptional({ description: '证书编号' })
  @IsOptional()
  @IsString({ message: '证书编号必须是文字' })
  @MaxLength(60, { message: '证书编号不能超过 60 字' })
  number?: string;
}

export class UpdateCertificateDto extends PatchType(CreateCertificateDto) {}

export class ListCertificatesQuery extends DatedPageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '徒弟编号必须是整数' })
  apprenticeId?: number;

  @ApiPropertyOptional({ enum: SKILL_LEVELS })
  @IsOptional()
  @IsIn(SKILL_LEVELS, { message: oneOf('证书等级', SKILL_LEVELS) })
  level?: string;

  @Keyword('按学徒姓名、证书编号搜索')
  q?: string;
}

export class CertificateView {
  @ApiProperty() id: number;
  @ApiProperty() apprenticeId: number;
  @ApiProperty() apprenticeName: string;
  @ApiProperty({ enum: SKILL_LEVELS }) level: string;
  @ApiProperty(DATE) awardedOn: string;
  @ApiProperty(TEXT_OR_NULL) number: string | null;
}
