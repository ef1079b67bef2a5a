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
