/**
 * Where a date picker opens and how far it reaches. Taro's H5 date picker starts at 1970 and
 * opens at today unless told otherwise, which a leader's 出生日期 (born 1960s–1970s) cannot use.
 * Its year column lets the user jump by year.
 */
export interface DateRange {
  /** The earliest date the picker offers. */
  start: string;
  /** Where an empty picker opens. */
  openAt?: string;
}

/** Birth dates: back to 1940, opening in 1975. */
export const BIRTH_DATE: DateRange = { start: '1940-01-01', openAt: '1975-01-01' };
/** Everything else (activities, certificates, dates of joining): back to 1960, opening at today. */
export const EVENT_DATE: DateRange = { start: '1960-01-01' };

/** The picker's start, end (today: nothing here is dated in the future of a birth) and value. */
export function datePickerProps(
  value: string,
  range: DateRange,
  today: string,
  allowFuture = true,
): { start: string; end: string | undefined; value: string } {
  return {
    start: range.start,
    end: allowFuture ? undefined : today,
    value: value || range.openAt || today,
  };
}
