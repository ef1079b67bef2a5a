import {
  signoffOpensOn,
  signoffTooEarlyReason,
  type RecordKind,
} from '@master-studio/shared-rules';
import type { SignoffStamp } from '@/services/api';
import { formatTime } from './format';

/**
 * Where a record stands with its unit, from its view's `signoff` (the server's list and read
 * views carry it, so a reloaded screen shows what was confirmed): signed, waiting, or too early
 * to sign (dated after today: the same rule the server applies, so the button is disabled with
 * the server's reason instead of failing).
 */
export type SignoffState =
  | { state: 'signed'; text: string }
  | { state: 'waiting'; text: string }
  | { state: 'early'; text: string };

export function signoffState(
  kind: RecordKind,
  row: Readonly<Record<string, unknown>> & { signoff?: SignoffStamp | null },
  asOf: string,
): SignoffState {
  if (row.signoff)
    return {
      state: 'signed',
      text: `${row.signoff.signedBy} ${formatTime(row.signoff.signedAt)} 确认`,
    };
  const opensOn = signoffOpensOn(kind, row, asOf);
  if (opensOn) return { state: 'early', text: signoffTooEarlyReason(kind, opensOn) };
  return { state: 'waiting', text: '待单位确认' };
}

/** The short badge of a state, for the leader's lists. */
export const SIGNOFF_BADGE: Record<SignoffState['state'], { text: string; pill: string }> = {
  signed: { text: '单位已确认', pill: 'pill--met' },
  waiting: { text: '待单位确认', pill: 'pill--upcoming' },
  early: { text: '日期未到', pill: 'pill--upcoming' },
};
