/**
 * Calendar helpers. Dates are `YYYY-MM-DD` strings throughout; "today" is Asia/Shanghai.
 * Checks and arithmetic on dates (isIsoDate, daysBetween, addDays) come from '@master-studio/shared-rules'.
 */

/** Today's date in China (UTC+8, no DST), whatever the server's time zone. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** MySQL may hand back DATE columns as strings (dateStrings) and sql.js as strings too; normalise. */
export function asDate(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}
