import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { validationFailed } from './domain-error';
import { nullFields } from './patch-type';

const HAN = /[\u4e00-\u9fa5]/;

/** Constraints that say a value is missing: their message comes first. */
const REQUIRED = new Set(['isDefined', 'isNotEmpty']);
/** Constraints on the kind of value (type, format, one of a list): next. Ranges and lengths come last. */
export const TYPE_CONSTRAINTS = new Set([
  'isString',
  'isNumber',
  'isInt',
  'isBoolean',
  'isIn',
  'isEnum',
  'isCalendarDate',
  'isArray',
  'isObject',
  'nestedValidation',
  'isDateString',
  'matches',
  'isPlainText',
]);
const rank = (name: string): number =>
  REQUIRED.has(name) ? 0 : TYPE_CONSTRAINTS.has(name) ? 1 : 2;

/**
 * A field's failed constraints' messages in the order that decides which one the user sees:
 * required first, then type, then the rest, each group in the order the decorators are written.
 * class-validator lists constraints bottom-up (decorators apply from the property upwards), so
 * `{ max, min, isNumber }` for a missing amount, and the first message used to be 金额过大.
 */
export function orderedMessages(constraints: Record<string, string>): string[] {
  const written = Object.entries(constraints).reverse();
  return written
    .map(([name, message], i) => ({ message, key: rank(name) * 1000 + i }))
    .sort((a, b) => a.key - b.key)
    .map((c) => c.message);
}

/** Flattens class-validator errors to `{ "field.path": "中文说明" }`, one message per field. */
export function validationFields(errors: ValidationError[], prefix = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const err of errors) {
    const path = prefix ? `${prefix}.${err.property}` : err.property;
    const constraints = err.constraints ?? {};
    if (constraints.whitelistValidation) {
      fields[path] = '不支持的字段';
    } else {
      const messages = orderedMessages(constraints);
      const chinese = messages.find((m) => HAN.test(m));
      if (messages.length > 0) fields[path] = chinese ?? '字段格式不正确';
    }
    if (err.children?.length) Object.assign(fields, validationFields(err.children, path));
  }
  return fields;
}

/**
 * Every string of a JSON body with its surrounding whitespace removed (nested objects and arrays
 * too), so that `"   "` meets IsNotEmpty as the empty string it is and a name is stored as the
 * rules will read it (shared-rules rejects blank names).
 */
export function trimStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(trimStrings);
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimStrings(v)]));
  }
  return value;
}

/**
 * NUL and other control characters (tab, line feed and carriage return excepted: notes may have
 * lines) and the bidirectional overrides, embeddings, isolates and marks that can make a name
 * display as something else (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C).
 */
const HIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/;

/** `{ path: message }` for every string of the body that holds a hidden character (HIDDEN). */
export function hiddenCharacterFields(value: unknown, path = ''): Record<string, string> {
  if (typeof value === 'string')
    return HIDDEN.test(value) ? { [path || 'body']: '不能包含控制字符或文字方向控制字符' } : {};
  if (Array.isArray(value))
    return Object.assign(
      {},
      ...value.map((v, i) => hiddenCharacterFields(v, path ? `${path}.${i}` : String(i))),
    );
  if (value !== null && typeof value === 'object')
    return Object.assign(
      {},
      ...Object.entries(value).map(([k, v]) => hiddenCharacterFields(v, path ? `${path}.${k}` : k)),
    );
  return {};
}

/** Trims the body's strings, refuses hidden characters (HIDDEN), refuses `null` for the fields a PATCH body may not clear (common/patch-type.ts), then validates as usual. */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      value = trimStrings(value);
      const hidden = hiddenCharacterFields(value);
      if (Object.keys(hidden).length > 0) throw validationFailed(hidden);
      const fields = nullFields(metadata.metatype, value);
      if (Object.keys(fields).length > 0) throw validationFailed(fields);
    }
    return super.transform(value, metadata);
  }
}

/** Global pipe: whitelist + forbidNonWhitelisted (style.md §5), errors in Chinese per field; null only where a PATCH may clear. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(validationFields(errors)),
  });
}
