import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PACE_STATUSES, type PaceStatus } from '@master-studio/shared-rules';
import { DATE } from '../../common/api-response';

export class PeriodRangeView {
  @ApiProperty(DATE) from: string;
  @ApiProperty(DATE) to: string;
}

export class DashboardTarget {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) label: string | null;
  @ApiProperty() required: number;
  @ApiProperty() actual: number;
  @ApiProperty() met: boolean;
  @ApiProperty({ enum: PACE_STATUSES }) status: PaceStatus;
  @ApiProperty({ type: PeriodRangeView, nullable: true }) period: PeriodRangeView | null;
}

export class DashboardStudio {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() status: string;
  @ApiProperty() unitId: number;
  @ApiProperty() unitName: string;
  @ApiProperty({ description: '考核政策' }) policyId: string;
}

/** A deadline of the studio not yet done (issue 11 item 8): overdue ones and the next ones. */
export class DashboardDeadline {
  @ApiProperty({ description: 'shared-rules 的截止事项编号' }) id: string;
  @ApiProperty() label: string;
  @ApiProperty(DATE) dueOn: string;
  @ApiProperty({ description: '已过期未完成' }) overdue: boolean;
  @ApiProperty({ description: '政策条款' }) article: string;
}

export class DashboardItem {
  @ApiProperty({ type: DashboardStudio }) studio: DashboardStudio;
  @ApiProperty({ type: [DashboardTarget] }) targets: DashboardTarget[];
  @ApiProperty() requiredFindings: number;
  @ApiProperty() overdueDeadlines: number;
  @ApiProperty({
    type: [DashboardDeadline],
    description: '未完成的截止事项：已过期的和最近的，按日期',
  })
  deadlines: DashboardDeadline[];
  @ApiProperty({ description: '越大越需要关注' }) risk: number;
  @ApiProperty({
    description: '这一行的计算时间（ISO 8601）：今天的看板读自各工作室的进度快照，记录变动后重算',
  })
  computedAt: string;
  /** Set when the studio's records could not be evaluated (e.g. leader details missing). */
  @ApiPropertyOptional({ description: '该工作室档案无法计算时的原因' }) error?: string;
}

export class DashboardView {
  @ApiProperty(DATE) asOf: string;
  @ApiProperty({ description: '最早一行的计算时间（ISO 8601），没有工作室时为应答时间' })
  computedAt: string;
  @ApiProperty({ type: [DashboardItem] }) items: DashboardItem[];
  @ApiProperty({ description: '筛选后的工作室总数' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: [String], description: '范围内工作室用到的考核政策（供筛选）' })
  policies: string[];
}
