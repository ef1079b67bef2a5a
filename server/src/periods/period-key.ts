import { isIsoDate } from '@master-studio/shared-rules';

export interface PeriodRange {
  from: string;
  to: string;
}

/**
 * `2025` (a calendar year) or `2024-03-01_2026-02-28` (an explicit range, e.g. a cycle).
 * `current` is resolved by the service from the assessment sheet. null when malformed.
 */
export function parsePeriodKey(key: string): PeriodRange | 'current' | null {
  if (key === 'current') return 'current';
  if (/^\d{4}$/.test(key)) return { from: `${key}-01-01`, to: `${key}-12-31` };
  const m = /^(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (!m) return null;
  const [from, to] = [m[1] as string, m[2] as string];
  return isIsoDate(from) && isIsoDate(to) && from <= to ? { from, to } : null;
}
