import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isIsoDate } from '@master-studio/shared-rules';

/** The years a date may fall in: nothing the studios record lies outside them. */
export const DATE_YEARS = { min: 1900, max: 2100 } as const;

/**
 * A real calendar date written `YYYY-MM-DD` (2025-02-30 is rejected) in the years 1900–2100. The
 * format message is the DTO's; a well-formed date outside the years says so (a second constraint,
 * after the format one: common/validation.ts orderedMessages).
 */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'dateInYears',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { ...options, message: `日期应在 ${DATE_YEARS.min} 年至 ${DATE_YEARS.max} 年之间` },
      validator: {
        validate: (value: unknown) => {
          if (!isIsoDate(value)) return true; // the format constraint answers
          const year = Number(value.slice(0, 4));
          return year >= DATE_YEARS.min && year <= DATE_YEARS.max;
        },
      },
    });
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '日期格式应为 YYYY-MM-DD，且为有效日期', ...options },
      validator: { validate: (value: unknown) => isIsoDate(value) },
    });
  };
}

/**
 * A finite number with at most `places` decimals (yuan and fen, scores to 0.01). Replaces
 * class-validator's `IsNumber({ maxDecimalPlaces })`, which throws a TypeError — a 500 — on a
 * fraction written without a decimal point (`-7e-323`, `1e-7`), as the fuzz suite found.
 * Named `isNumber`, so common/validation.ts ranks its message with the type messages.
 */
export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: { validate: (value: unknown) => isDecimal(value, places) },
    });
  };
}

/** Decimal places as JavaScript writes the number: `1.25` → 2, `1.5e-7` → 8, `1e21` → 0. */
export function decimalPlaces(value: number): number {
  const [mantissa = '', exponent = '0'] = String(value).split('e');
  return Math.max(0, (mantissa.split('.')[1] ?? '').length - Number(exponent));
}

export function isDecimal(value: unknown, places: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= places;
}
