/** Month keys (YYYY-MM) from the month of `from` through the month of `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    if (out.length > 240) break;
  }
  return out;
}

/** Person-times (attendance summed) per month, every month in the range present even when zero. */
export function personTimesByMonth(
  activities: ReadonlyArray<{ date: string; attendance: number }>,
  from: string,
  to: string,
): Array<{ month: string; value: number }> {
  const months = monthsBetween(from, to);
  const totals = new Map(months.map((k) => [k, 0]));
  for (const a of activities) {
    const k = a.date.slice(0, 7);
    if (totals.has(k) && a.date >= from && a.date <= to)
      totals.set(k, (totals.get(k) ?? 0) + a.attendance);
  }
  return months.map((month) => ({ month, value: totals.get(month) ?? 0 }));
}

/**
 * A target's tally at each month end of its period, computed by running the
 * rules themselves at that date (so the chart and the progress bar agree).
 * `current` is the progress at asOf when the caller already has it (not evaluated again).
 */
export function targetHistory<
  P extends {
    targets: Array<{
      id: string;
      actual: number;
      required: number;
      period?: { from: string; to: string };
    }>;
  },
>(
  evaluateAt: (asOf: string) => P,
  targetId: string,
  asOf: string,
  current: P = evaluateAt(asOf),
): Array<{ month: string; actual: number; required: number }> {
  const now = current.targets.find((t) => t.id === targetId);
  if (!now?.period) return [];
  const out: Array<{ month: string; actual: number; required: number }> = [];
  for (const month of monthsBetween(now.period.from, asOf)) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const end = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
    const at = end < asOf ? end : asOf;
    const t = (at === asOf ? current : evaluateAt(at)).targets.find((x) => x.id === targetId);
    out.push({ month, actual: t?.actual ?? 0, required: t?.required ?? now.required });
  }
  return out;
}
