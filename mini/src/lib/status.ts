import { PACE_STATUSES, type PaceStatus } from '@master-studio/shared-rules';
import { dueText, formatDate } from './format';
import { label } from './labels';
import { PALETTE } from './palette';

/** Pace statuses of shared-rules targets, from best to worst (shared-rules lists them in that order). */
export const PACE_ORDER = PACE_STATUSES;
export type Pace = PaceStatus;

/**
 * A studio's overall badge: its worst target. `behind` outranks `at_risk`, and a studio whose
 * targets are merely on track is not "已达标". Unknown statuses count as at risk (never hide
 * a problem); no targets at all gives null (the card says so instead).
 */
export function overallPace(statuses: readonly string[]): Pace | null {
  if (statuses.length === 0) return null;
  let worst = 0;
  for (const s of statuses) {
    const i = (PACE_ORDER as readonly string[]).indexOf(s);
    worst = Math.max(worst, i === -1 ? PACE_ORDER.indexOf('at_risk') : i);
  }
  return PACE_ORDER[worst] ?? null;
}

/** One colour per pace, worst in red: bars and badges agree everywhere. */
export const PACE_COLORS: Record<Pace, string> = {
  met: PALETTE.success,
  on_track: PALETTE.primary,
  at_risk: PALETTE.atRisk,
  behind: PALETTE.danger,
};

/** An unknown status counts as at risk (never hide a problem), as in overallPace. */
const normalize = (s: string): Pace =>
  (PACE_ORDER as readonly string[]).includes(s) ? (s as Pace) : 'at_risk';

/** What every screen needs to show one target's status: the same words and deadline everywhere. */
export interface TargetStatusText {
  status: Pace;
  /** 有风险, 进度正常… (shared-rules' label of the status shared-rules computed). */
  text: string;
  /** 截至 2027年2月28日（还剩 90 天）, or 长期要求 for a target without a period. */
  due: string;
}

/**
 * One target's status as shared-rules computed it (the server's `status`; a met target is met),
 * never recomputed here: the leader's card and the unit's dashboard say the same of the same 4/5.
 */
export function targetStatus(
  t: { met: boolean; status: string; period?: { to: string } | null },
  asOf: string,
): TargetStatusText {
  const status = t.met ? 'met' : normalize(t.status);
  return {
    status,
    text: label('pace', status),
    due: t.period ? `截至 ${formatDate(t.period.to)}（${dueText(t.period.to, asOf)}）` : '长期要求',
  };
}

/**
 * A studio's badge on the dashboard names how many targets share its worst status (2 项有风险),
 * so it is not read as the status of one target beside it.
 */
export function studioBadge(statuses: readonly string[]): { status: Pace; text: string } | null {
  const worst = overallPace(statuses);
  if (!worst) return null;
  if (worst === 'met') return { status: worst, text: '全部达标' };
  if (worst === 'on_track') return { status: worst, text: label('pace', worst) };
  const n = statuses.filter((s) => normalize(s) === worst).length;
  return { status: worst, text: `${n} 项${label('pace', worst)}` };
}
