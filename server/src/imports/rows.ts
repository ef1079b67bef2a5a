/**
 * One sheet row to the body the API's create would receive, with the errors and warnings of
 * its cells (by field key). Pure: the database checks (roster, duplicates, finalized periods)
 * and the DTO validation come after, in imports.service.ts.
 */
import {
  type CellValue,
  cellText,
  type Converted,
  enumAliases,
  FORMULA_START,
  toBoolean,
  toDate,
  toNumber,
  toEnum,
} from './parse/cells';
import type { ImportField, ImportKind } from './import-kinds';

export interface ConvertedRow {
  values: Record<string, string | number | boolean>;
  errors: Record<string, string>;
  warnings: Record<string, string>;
}

const aliasCache = new WeakMap<object, Map<string, string>>();
function aliasesOf(labels: Readonly<Record<string, string>>): Map<string, string> {
  let a = aliasCache.get(labels);
  if (!a) aliasCache.set(labels, (a = enumAliases(labels)));
  return a;
}

export function convertCell(
  field: ImportField<Record<string, unknown>>,
  v: CellValue,
): Converted<string | number | boolean | null> {
  switch (field.type.t) {
    case 'text': {
      const s = cellText(v);
      return { value: s === '' ? null : s };
    }
    case 'date':
      return toDate(v);
    case 'bool':
      return toBoolean(v);
    case 'enum':
      return toEnum(v, aliasesOf(field.type.labels), field.type.labels);
    case 'int': {
      const n = toNumber(v);
      if ('error' in n || n.value === null || Number.isInteger(n.value)) return n;
      return { error: '应填写整数' };
    }
    case 'decimal':
      return toNumber(v);
  }
}

export function convertRow(
  spec: Pick<ImportKind, 'fields' | 'notAfterToday'>,
  columns: ReadonlyMap<string, number>,
  row: readonly CellValue[],
  today: string,
): ConvertedRow {
  const out: ConvertedRow = { values: {}, errors: {}, warnings: {} };
  for (const field of spec.fields) {
    const col = columns.get(field.key);
    if (col === undefined) continue;
    const c = convertCell(field, row[col] ?? null);
    if ('error' in c) {
      out.errors[field.key] = `${field.header}：${c.error}`;
      continue;
    }
    if (c.value === null) continue;
    out.values[field.key] = c.value;
    if (typeof c.value === 'string' && field.type.t === 'text' && FORMULA_START.test(c.value))
      out.warnings[field.key] = `${field.header}以 = + - @ 开头，将按文字原样保存，不会当作公式`;
    if (
      field.type.t === 'date' &&
      spec.notAfterToday.includes(field.key) &&
      typeof c.value === 'string' &&
      c.value > today
    )
      out.warnings[field.key] = `${field.header}（${c.value}）晚于今天，请确认`;
  }
  return out;
}
