import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { POLICY_IDS } from '@master-studio/shared-rules';
import { Keyword } from '../../common/keyword';
import { MAX_PAGE } from '../../common/pagination';
import { oneOf } from '../../rules/vocabulary';
import { IsCalendarDate } from '../../common/validators';
import { STUDIO_STATUSES } from '../../studios/studio.entity';

/**
 * A dashboard's filters (issue 11 item 2). Without `page` the whole scope is answered, as before;
 * with it, `pageSize` rows (default 20) of the filtered, risk-ordered list.
 */
export class DashboardQuery {
  @ApiPropertyOptional({ description: '统计截止日 YYYY-MM-DD，默认今天（北京时间）' })
  @IsOptional()
  @IsCalendarDate({ message: '统计日期 asOf 格式应为 YYYY-MM-DD' })
  asOf?: string;

  @Keyword('按工作室名称、单位搜索')
  q?: string;

  @ApiPropertyOptional({ enum: STUDIO_STATUSES })
  @IsOptional()
  @IsIn(STUDIO_STATUSES, { message: oneOf('状态', STUDIO_STATUSES) })
  status?: (typeof STUDIO_STATUSES)[number];

  @ApiPropertyOptional({ enum: POLICY_IDS, description: '考核政策' })
  @IsOptional()
  @IsIn(POLICY_IDS, { message: oneOf('考核政策', POLICY_IDS) })
  policyId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, description: '不传则返回全部' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码必须是整数' })
  @Min(1, { message: '页码从 1 开始' })
  @Max(MAX_PAGE, { message: `页码不能超过 ${MAX_PAGE}` })
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数必须是整数' })
  @Min(1, { message: '每页条数至少为 1' })
  @Max(100, { message: '每页条数不能超过 100' })
  pageSize?: number;
}
