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
}

export class DashboardItem {
  @ApiProperty({ type: DashboardStudio }) studio: DashboardStudio;
  @ApiProperty({ type: [DashboardTarget] }) targets: DashboardTarget[];
  @ApiProperty() requiredFindings: number;
  @ApiProperty() overdueDeadlines: number;
  @ApiProperty({ description: '越大越需要关注' }) risk: number;
  /** Set when the studio's records could not be evaluated (e.g. leader details missing). */
  @ApiPropertyOptional({ description: '该工作室档案无法计算时的原因' }) error?: string;
}

export class DashboardView {
  @ApiProperty(DATE) asOf: string;
  @ApiProperty({ type: [DashboardItem] }) items: DashboardItem[];
}
