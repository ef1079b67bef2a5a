import { daysBetween } from '../common/dates';
import type { Progress, Target } from '../rules/contract';

export type TargetStatus = 'met' | 'on_track' | 'at_risk' | 'behind';

export interface DashboardTarget {
  id: string;
  label: string | null;
  required: number;
  actual: number;
  met: boolean;
  status: TargetStatus;
  period: { from: string; to: string } | null;
}

const STATUS_WEIGHT: Record<TargetStatus, number> = { met: 0, on_track: 0, at_risk: 2, behind: 3 };

/**
 * A target's pace: shared-rules reports it (`status`); for a build that does not, compare
 * the share done with the share of the period gone by.
 */
export function targetStatus(t: Target, asOf: string): TargetStatus {
  if (t.status === 'met' || t.status === 'on_track' || t.status === 'at_risk' || t.status === 'behind') return t.status;
  if (t.met) return 'met';
  if (!t.period || t.required <= 0) return 'behind';
  const length = daysBetween(t.period.from, t.period.to) + 1;
  const gone = Math.min(Math.max(daysBetween(t.period.from, asOf) + 1, 0), length);
  const expected = (t.required * gone) / length;
  if (t.actual >= expected) return 'on_track';
  return t.actual >= expected * 0.5 ? 'at_risk' : 'behind';
}

/** Higher is more at risk: lagging targets, hard findings and overdue paperwork. */
export function riskOf(progress: Progress): { risk: number; targets: DashboardTarget[]; requiredFindings: number; overdueDeadlines: number } {
  const targets = progress.targets.map((t) => ({
    id: t.id,
    label: typeof t.label === 'string' ? t.label : null,
    required: t.required,
    actual: t.actual,
    met: t.met,
    status: targetStatus(t, progress.asOf),
    period: t.period ?? null,
  }));
  const requiredFindings = progress.findings.filter((f) => f.severity === 'required').length;
  const overdueDeadlines = progress.deadlines.filter((d) => !d.done && (d.overdue === true || d.dueOn < progress.asOf)).length;
  const risk = targets.reduce((n, t) => n + STATUS_WEIGHT[t.status], 0) + 2 * requiredFindings + overdueDeadlines;
  return { risk, targets, requiredFindings, overdueDeadlines };
}
