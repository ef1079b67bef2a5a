/**
 * Dates are plain `YYYY-MM-DD` strings everywhere (the shared-rules contract); no time zones.
 * Date checks and arithmetic (isIsoDate, daysBetween) come from shared-rules; this file only adds
 * the device's today and the display formats.
 */
import { daysBetween } from '@master-studio/shared-rules';

const pad = (n: number) => String(n).padStart(2, '0');

/** Today's date on this device, as YYYY-MM-DD. */
export function todayISO(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 2025-03-01 → 2025年3月1日 */
export function formatDate(s: string | null | undefined): string {
  if (!s) return '—';
  const m = ISO.exec(s.slice(0, 10));
  if (!m) return s;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** An ISO timestamp → 3月1日 14:05 (device local time). */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Yuan with thousands separators: 60000 → ¥60,000；12.5 → ¥12.50 */
export function formatMoney(yuan: number): string {
  const negative = yuan < 0;
  const abs = Math.abs(yuan);
  const [int, frac] = (Number.isInteger(abs) ? String(abs) : abs.toFixed(2)).split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${grouped}${frac ? `.${frac}` : ''}`;
}

/** How a due date reads from `today`: 还剩 12 天 / 今天截止 / 已逾期 3 天. */
export function dueText(dueOn: string, today: string): string {
  const d = daysBetween(today, dueOn);
  if (d > 0) return `还剩 ${d} 天`;
  if (d === 0) return '今天截止';
  return `已逾期 ${-d} 天`;
}

/** 2025-03 → 2025年3月; used by charts and month groupings. */
export function monthLabel(key: string): string {
  const [y, m] = key.split('-');
  return `${y}年${Number(m)}月`;
}

export function percent(actual: number, required: number): number {
  if (required <= 0) return 100;
  return Math.max(0, Math.min(100, Math.round((actual / required) * 100)));
}
