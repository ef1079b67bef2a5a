import type { Progress, Target } from '@master-studio/shared-rules';
import type { DashboardDeadline, DashboardTarget } from './dto/dashboard.dto';

/** shared-rules' pace of a target. */
export type TargetStatus = Target['status'];

const STATUS_WEIGHT: Record<TargetStatus, number> = { met: 0, on_track: 0, at_risk: 2, behind: 3 };

/** Higher is more at risk: lagging targets, hard findings and overdue paperwork. */
export function riskOf(progress: Progress): {
  risk: number;
  targets: DashboardTarget[];
  requiredFindings: number;
  overdueDeadlines: number;
  deadlines: DashboardDeadline[];
} {
  const targets = progress.targets.map((t) => ({
    id: t.id,
    label: typeof t.label === 'string' ? t.label : null,
    required: t.required,
    actual: t.actual,
    met: t.met,
    status: t.status,
    period: t.period ?? null,
  }));
  const requiredFindings = progress.findings.filter((f) => f.severity === 'required').length;
  const overdueDeadlines = progress.deadlines.filter(
    (d) => !d.done && (d.overdue === true || d.dueOn < progress.asOf),
  ).length;
  // Every overdue deadline, then the next not-done ones, by date (shared-rules computes them).
  const deadlines = progress.deadlines
    .filter((d) => !d.done)
    .map((d) => ({
      id: d.id,
      label: d.label,
      dueOn: d.dueOn,
      overdue: d.overdue === true || d.dueOn < progress.asOf,
      article: d.article,
    }))
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  const risk =
    targets.reduce((n, t) => n + STATUS_WEIGHT[t.status], 0) +
    2 * requiredFindings +
    overdueDeadlines;
  return { risk, targets, requiredFindings, overdueDeadlines, deadlines };
}
