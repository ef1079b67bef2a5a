import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isIsoDate } from '@master-studio/shared-rules';

/** A real calendar date written `YYYY-MM-DD` (2025-02-30 is rejected). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '日期格式应为 YYYY-MM-DD，且为有效日期', ...options },
      validator: { validate: (value: unknown) => isIsoDate(value) },
    });
  };
}
