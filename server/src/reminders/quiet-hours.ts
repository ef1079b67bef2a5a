/**
 * Quiet hours (issue 14): nothing is shown or pushed between 22:00 and 08:00 Asia/Shanghai
 * (UTC+8, no daylight saving); what falls in them is delayed to 08:00.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
export const QUIET_FROM_HOUR = 22;
export const QUIET_TO_HOUR = 8;

/** The first moment at or after `now` outside quiet hours. */
export function deliverAt(now: Date): Date {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const hour = local.getUTCHours();
  if (hour >= QUIET_TO_HOUR && hour < QUIET_FROM_HOUR) return now;
  const eight = new Date(local);
  eight.setUTCHours(QUIET_TO_HOUR, 0, 0, 0);
  if (hour >= QUIET_FROM_HOUR) eight.setUTCDate(eight.getUTCDate() + 1);
  return new Date(eight.getTime() - SHANGHAI_OFFSET_MS);
}

/** `YYYY-MM-DD HH:mm` in Shanghai, for messages and logs. */
export function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
