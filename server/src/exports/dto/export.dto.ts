import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AsOfQuery } from '../../common/date-range';
import { IsCalendarDate } from '../../common/validators';
import { EXPORT_KINDS, type ExportKind } from '../export-request';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Query of the export routes: the date, month or year a form is for (each defaults to today's). */
export class ExportQuery extends AsOfQuery {
  @ApiPropertyOptional({ description: '月份 YYYY-MM（月度签到汇总），默认本月' })
  @IsOptional()
  @Matches(MONTH, { message: '月份格式应为 YYYY-MM' })
  month?: string;

  @ApiPropertyOptional({ description: '年度（经费台账、年度总结；计划为次年），默认今年' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '年度必须是整数' })
  @Min(2000, { message: '年度不早于 2000' })
  @Max(2100, { message: '年度不晚于 2100' })
  year?: number;
}

/** POST /exports/links: the export a short-lived download link is for. */
export class CreateLinkDto {
  @ApiProperty({ enum: EXPORT_KINDS })
  @IsIn(EXPORT_KINDS as unknown as string[], { message: '不支持的导出类型' })
  kind: ExportKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: '工作室编号必须是整数' })
  @Min(1, { message: '工作室编号必须是正整数' })
  studioId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: '辖区编号必须是整数' })
  @Min(1, { message: '辖区编号必须是正整数' })
  jurisdictionId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: '活动编号必须是整数' })
  @Min(1, { message: '活动编号必须是正整数' })
  activityId?: number;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate({ message: '统计日期 asOf 格式应为 YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM' })
  @IsOptional()
  @Matches(MONTH, { message: '月份格式应为 YYYY-MM' })
  month?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: '年度必须是整数' })
  @Min(2000, { message: '年度不早于 2000' })
  @Max(2100, { message: '年度不晚于 2100' })
  year?: number;
}

export class DownloadQuery {
  @ApiProperty({ description: 'POST /exports/links 返回的下载令牌（几分钟内有效）' })
  @IsString()
  @MaxLength(8000)
  token: string;
}

export interface DownloadLinkView {
  /** Path under the API root (append to the API base), e.g. `/exports/download?token=…`. */
  url: string;
  fileName: string;
  expiresAt: string;
}
