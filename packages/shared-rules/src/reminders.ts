/**
 * When to remind whom (issue 14), as pure functions of shared-rules' own outputs (Progress,
 * AssessmentSheet) and `asOf`. The server only turns these into inbox rows and WeChat messages;
 * the policy numbers behind them stay here, with their articles.
 *
 * Steps are part of a reminder's unique key (recipient, kind, subject, due date, step): each step
 * is sent at most once, and a scan that missed days still sends the step that applies today.
 */
import { addDays, addMonths, addYears, daysBetween } from './dates.js';
import type { AssessmentSheet, Deadline, Progress, Target } from './types.js';

/** Lead times of a deadline reminder, in days (issue 14: 30, 7 and 1 day before; then overdue). */
export const DEADLINE_REMINDER_DAYS = [30, 7, 1] as const;

export type DeadlineStep = 'd30' | 'd7' | 'd1' | 'overdue';

/** The step of a deadline due on `dueOn` as of `asOf`: the nearest lead time reached, or overdue. */
export function deadlineStep(dueOn: string, asOf: string): DeadlineStep | null {
  const days = daysBetween(asOf, dueOn);
  if (days < 0) return 'overdue';
  if (days <= 1) return 'd1';
  if (days <= 7) return 'd7';
  if (days <= 30) return 'd30';
  return null;
}

/** The open deadlines of a progress that call for a reminder today, with their step. */
export function deadlineReminders(
  progress: Progress,
): { deadline: Deadline; step: DeadlineStep }[] {
  const out: { deadline: Deadline; step: DeadlineStep }[] = [];
  for (const d of progress.deadlines) {
    if (d.done) continue;
    const step = deadlineStep(d.dueOn, progress.asOf);
    if (step) out.push({ deadline: d, step });
  }
  return out;
}

/** Targets whose pace is at_risk or behind (their period's end is the due date). */
export function laggingTargets(progress: Progress): (Target & { status: 'at_risk' | 'behind' })[] {
  return progress.targets.filter(
    (t): t is Target & { status: 'at_risk' | 'behind' } =>
      t.status === 'at_risk' || t.status === 'behind',
  );
}

/**
 * urumqi-2023 第二十条（一）: a studio with no activity for more than one year (within 4 years of
 * recognition) loses its title. Reminders at 9 and 11 months without an activity; the 9-month one
 * is the policy's `inactivity_risk` finding (findings/inactivity.ts, warnMonths 9).
 */
export const INACTIVITY_REMINDER_MONTHS = [9, 11] as const;

export interface InactivityReminder {
  step: 'm9' | 'm11';
  lastActivity: string;
  /** The last day an activity still keeps the title: one year after the last one. */
  revokedAfter: string;
  article: string;
}

/** From the `inactivity_risk` finding (only policies with an inactivity line emit it). */
export function inactivityReminder(progress: Progress): InactivityReminder | null {
  const f = progress.findings.find((x) => x.rule === 'inactivity_risk');
  const last = f?.data?.lastActivity;
  if (!f || typeof last !== 'string') return null;
  const step = addMonths(last, 11) < progress.asOf ? 'm11' : 'm9';
  return { step, lastActivity: last, revokedAfter: addYears(last, 1), article: f.article };
}

/** Records a unit contact has not signed off this many days after they happened (issue 14). */
export const SIGNOFF_REMINDER_DAYS = 7;

/** Records dated on or before this day are overdue for sign-off as of `asOf`. */
export function signoffOverdueBefore(asOf: string): string {
  return addDays(asOf, -SIGNOFF_REMINDER_DAYS);
}

/** Lead time for the reviewer's still-open judged items before an assessment is due (issue 14). */
export const JUDGED_ITEMS_REMINDER_DAYS = 30;

/**
 * The reviewer's reminder: the cycle assessment is due within 30 days and judged items are
 * still pending on the sheet. Null when none is due or nothing is open.
 */
export function judgedItemsReminder(
  progress: Progress,
  sheet: AssessmentSheet,
): { dueOn: string; pending: string[] } | null {
  const d = progress.deadlines.find((x) => x.id === 'cycle_assessment');
  if (!d) return null;
  const days = daysBetween(progress.asOf, d.dueOn);
  if (days < 0 || days > JUDGED_ITEMS_REMINDER_DAYS || sheet.pending.length === 0) return null;
  return { dueOn: d.dueOn, pending: [...sheet.pending] };
}

/**
 * Rectification after a failed assessment. yuzhong-2023 第十一条: 考核评估"不合格"的，予以三个月
 * 限期整改，整改后仍不合格的取消工作室资格及待遇.
 */
export const RECTIFICATION: Readonly<Record<string, { months: number; article: string }>> = {
  'yuzhong-2023': { months: 3, article: 'yuzhong-2023 第十一条' },
};

/** The last day of the rectification period of a studio failed on `failedOn`, or null. */
export function rectificationDueOn(
  policyId: string,
  failedOn: string,
): { dueOn: string; article: string } | null {
  const r = RECTIFICATION[policyId];
  return r ? { dueOn: addMonths(failedOn, r.months), article: r.article } : null;
}

/** How a step reads in Chinese ("还有 7 天"). */
export function stepPhraseZh(step: string): string {
  switch (step) {
    case 'd30':
      return '还有 30 天';
    case 'd7':
      return '还有 7 天';
    case 'd1':
      return '明天到期';
    case 'overdue':
      return '已逾期';
    case 'm9':
      return '已 9 个月无活动';
    case 'm11':
      return '已 11 个月无活动';
    case 'at_risk':
      return '进度有风险';
    case 'behind':
      return '进度落后';
    default:
      return '';
  }
}
