/**
 * When a unit contact may sign a record off (审核确认): only once it has happened. A record's
 * first dated-by field (RECORD_KINDS[kind].datedBy[0]: an activity's date, a certificate's
 * award date…) is the day it happened; a record dated after `asOf` cannot be confirmed yet.
 * The server refuses such a sign-off and the app disables its button with the same reason.
 */
import { RECORD_KINDS, type RecordKind } from './record-kinds.js';

/** The day the record can first be signed off, when that is after `asOf`; otherwise null. */
export function signoffOpensOn(
  kind: RecordKind,
  record: Readonly<Record<string, unknown>>,
  asOf: string,
): string | null {
  const field = (RECORD_KINDS[kind].datedBy as readonly string[])[0];
  if (!field) return null;
  const on = record[field];
  return typeof on === 'string' && on.slice(0, 10) > asOf ? on.slice(0, 10) : null;
}

/** Why a record cannot be signed off yet (Chinese, for the server's answer and the app). */
export function signoffTooEarlyReason(kind: RecordKind, opensOn: string): string {
  const [y, m, d] = opensOn.split('-').map(Number);
  return `该${RECORD_KINDS[kind].noun}的日期是${y}年${m}月${d}日，当天起才能确认`;
}
