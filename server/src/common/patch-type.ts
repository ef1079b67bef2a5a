import type { Type } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

const NOT_NULL = new WeakMap<object, readonly string[]>();

/**
 * The body of a PATCH: every field of the create DTO may be left out, but only the fields that
 * are optional on create (nullable columns: leftOn, agreementSignedOn, location, note…) may be
 * sent as `null` to clear them. A required field sent as `null` is answered 400 by the
 * validation pipe (createValidationPipe) instead of reaching a NOT NULL column.
 */
export function PatchType<T>(base: Type<T>): Type<Partial<T>> {
  const metas = getMetadataStorage().getTargetValidationMetadatas(base, '', true, false);
  const optional = new Set(
    metas.filter((m) => m.type === 'conditionalValidation').map((m) => m.propertyName),
  );
  const patch = PartialType(base);
  NOT_NULL.set(
    patch,
    [...new Set(metas.map((m) => m.propertyName))].filter((p) => !optional.has(p)),
  );
  return patch;
}

/** `{ field: message }` for each field of `body` sent as null that the DTO class does not let be cleared. */
export function nullFields(metatype: unknown, body: unknown): Record<string, string> {
  if (typeof metatype !== 'function' || body === null || typeof body !== 'object') return {};
  const fields: Record<string, string> = {};
  for (
    let c: unknown = metatype;
    typeof c === 'function' && c !== Function.prototype;
    c = Object.getPrototypeOf(c)
  ) {
    for (const p of NOT_NULL.get(c) ?? [])
      if ((body as Record<string, unknown>)[p] === null)
        fields[p] = '此项不能为空（不修改时请不要传这个字段）';
  }
  return fields;
}
