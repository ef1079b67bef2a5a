/**
 * Periods that targets and items count over: calendar years and back-to-back cycles from
 * recognition (docs/rules-contract.md: "a 2-year cycle from 2024-03-01 runs to 2026-02-28").
 */
import { addDays, addYears, daysBetween, makeDate, maxDate, minDate, yearOf } from './dates.js';
import type { IsoDate, Period } from './types.js';

export function calendarYear(year: number): Period {
  return { from: makeDate(year, 1, 1), to: makeDate(year, 12, 31) };
}

/** The calendar year that contains `asOf`. */
export function yearOfAsOf(asOf: IsoDate): Period {
  return calendarYear(yearOf(asOf));
}

/**
 * The cycle of `years` years that contains `asOf`, cycles running back to back from `start`.
 * Each cycle start is computed from `start` itself (never chained), so a 02-29 start stays stable.
 * Before `start`, the first cycle is returned (the studio has not begun it yet).
 */
export function cycleContaining(
  start: IsoDate,
  years: number,
  asOf: IsoDate,
): Period & { index: number } {
  let index = 0;
  if (asOf >= start) {
    index = Math.max(0, Math.floor((yearOf(asOf) - yearOf(start)) / years) - 1);
    while (addYears(start, (index + 1) * years) <= asOf) index += 1;
  }
  const from = addYears(start, index * years);
  const to = addDays(addYears(start, (index + 1) * years), -1);
  return { from, to, index };
}

export function inPeriod(date: IsoDate, period: Period): boolean {
  return date >= period.from && date <= period.to;
}

/** Length of a period in days, both ends included. */
export function periodDays(period: Period): number {
  return daysBetween(period.from, period.to) + 1;
}

/**
 * The calendar years a period has touched up to `asOf`, each clipped to the period and to `asOf`.
 * (urumqi-2023 U20: "must hold in every calendar year that the cycle has touched up to asOf".)
 */
export function yearsTouched(period: Period, asOf: IsoDate): Period[] {
  const end = minDate(period.to, asOf);
  if (end < period.from) return [];
  const out: Period[] = [];
  for (let y = yearOf(period.from); y <= yearOf(end); y += 1) {
    const year = calendarYear(y);
    out.push({ from: maxDate(year.from, period.from), to: minDate(year.to, end) });
  }
  return out;
}
