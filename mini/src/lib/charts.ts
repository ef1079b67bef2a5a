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

/**
 * A y axis for counts of people (issue 11 item 14): whole-number ticks only, from 0, at most
 * `maxTicks` of them, the step 1, 2 or 5 × 10ⁿ. F2 left alone draws 0, 0.5, 1, 1.5 for small
 * counts.
 */
export function integerAxis(
  maxY: number,
  maxTicks = 5,
): { min: number; max: number; tickInterval: number; ticks: number[] } {
  const top = Math.max(1, Math.ceil(Number.isFinite(maxY) ? maxY : 0));
  const raw = Math.max(1, Math.ceil(top / (maxTicks - 1)));
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const max = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  return { min: 0, max, tickInterval: step, ticks };
}
