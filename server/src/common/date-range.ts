import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { PageQuery } from './pagination';
import { IsCalendarDate } from './validators';

/** List query with an optional date range on the record's own date. */
export class DatedPageQuery extends PageQuery {
  @ApiPropertyOptional({ description: '起始日期（含）YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate({ message: '起始日期格式应为 YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: '截止日期（含）YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate({ message: '截止日期格式应为 YYYY-MM-DD' })
  to?: string;
}

export function applyDateRange<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  column: string,
  q: { from?: string; to?: string },
): void {
  if (q.from) qb.andWhere(`${column} >= :from`, { from: q.from });
  if (q.to) qb.andWhere(`${column} <= :to`, { to: q.to });
}

export class AsOfQuery {
  @ApiPropertyOptional({ description: '统计截止日 YYYY-MM-DD，默认今天（北京时间）' })
  @IsOptional()
  @IsCalendarDate({ message: '统计日期 asOf 格式应为 YYYY-MM-DD' })
  asOf?: string;
}
