/**
 * Small helpers for the raw SQL several services write, so that each is written once.
 */

/** `?,?,?` for an `IN (…)` list of `values` (callers skip the query when the list is empty). */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(',');
}

/** `now` cut to whole seconds: MySQL DATETIME keeps no fraction, so what is stored equals what is returned. */
export function wholeSeconds(now: Date = new Date()): Date {
  return new Date(Math.floor(now.getTime() / 1000) * 1000);
}

/** A nullable BOOLEAN / TINYINT column (MySQL gives 0/1, sql.js numbers). */
export const boolOrNull = (v: unknown): boolean | null =>
  v === null || v === undefined ? null : Boolean(Number(v));

/** A nullable numeric column (DECIMAL arrives as a string on MySQL). */
export const numOrNull = (v: unknown): number | null =>
  v === null || v === undefined ? null : Number(v);
