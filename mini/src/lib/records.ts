import {
  isIsoDate,
  RECORD_KIND_NAMES,
  RECORD_KINDS,
  type RecordKind,
  type RecordPath,
} from '@master-studio/shared-rules';
import type { Draft } from './preview';
import { options, type LabelGroup } from './labels';
import { RECORDS } from './record-forms';

export type FieldKind = 'text' | 'number' | 'date' | 'select';

export interface FieldDef {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  /** For selects: the label group and the codes offered. */
  group?: LabelGroup;
  codes?: () => readonly string[];
  /** Shown only when this returns true (e.g. a fund's source only for income). */
  when?: (v: FormValues) => boolean;
  /** Only on the edit form (e.g. 离开日期: a new record has not left yet). */
  editOnly?: boolean;
  /** Text: the server DTO's @MaxLength (the input stops there; without it an Input stops at 140). */
  maxLength?: number;
  /** Number: whole numbers only (the server's @IsInt). */
  integer?: boolean;
}

export type FormValues = Record<string, string>;

/** What a record needs besides its form: its apprentice (certificates), check-ins (activities), today. */
export interface RecordCtx {
  apprenticeId?: string;
  /** An activity's scanned check-ins: attendance in Facts is these plus extraAttendance. */
  checkedIn?: number;
  today?: string;
}

export interface RecordDef {
  title: string;
  noun: string;
  fields: FieldDef[];
  defaults: (today: string) => FormValues;
  /** The request body (field names as in docs/api.md and the Facts contract). */
  toBody: (v: FormValues, ctx: RecordCtx) => Record<string, unknown>;
  /** The same record as Facts, for the on-device preview; null when it changes no target. */
  toDraft: (v: FormValues, ctx: RecordCtx) => Draft | null;
  describe: (v: FormValues) => string;
}

/** A record screen's type: the URL segment of a record kind (`activities`), as in shared-rules' RECORD_KINDS. */
export type RecordType = RecordPath;

/**
 * The record kinds by screen type, from shared-rules' RECORD_KINDS: each one's Chinese noun and
 * its type in Facts (the kind itself; the list is the Facts key named like the screen type).
 * labels (recordType), record-names, the preview and record-edit derive from it.
 */
export const RECORD_TYPES = Object.fromEntries(
  RECORD_KIND_NAMES.map((k) => [RECORD_KINDS[k].path, { noun: RECORD_KINDS[k].appNoun, fact: k }]),
) as Record<RecordType, { noun: string; fact: RecordKind & Draft['type'] }>;

/** The record type (= Facts list) holding records of a Facts type: 'activity' → 'activities'. */
export function recordTypeOfFact(fact: Draft['type']): RecordType {
  return RECORD_KINDS[fact].path;
}

export { RECORDS } from './record-forms';

/** Checks a form before it is sent or previewed; messages are per field, in Chinese. */
export function validate(def: RecordDef, v: FormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of def.fields) {
    if (f.when && !f.when(v)) continue;
    const value = (v[f.name] ?? '').trim();
    if (!value) {
      if (f.required) errors[f.name] = `请填写${f.label}`;
      continue;
    }
    if (f.kind === 'date' && !isIsoDate(value)) errors[f.name] = '日期格式应为 年-月-日';
    if (
      f.kind === 'number' &&
      (!/^\d+(\.\d{1,2})?$/.test(value) || !Number.isFinite(Number(value)))
    )
      errors[f.name] = `${f.label}应为不小于 0 的数字`;
    else if (f.kind === 'number' && f.integer && !/^\d+$/.test(value))
      errors[f.name] = `${f.label}应为整数`;
    if (f.maxLength !== undefined && value.length > f.maxLength)
      errors[f.name] = `${f.label}不能超过 ${f.maxLength} 字`;
    if (f.kind === 'select' && f.codes && !f.codes().includes(value))
      errors[f.name] = `请选择${f.label}`;
  }
  if (v.leftOn && v.joinedOn && !errors.leftOn && !errors.joinedOn && v.leftOn < v.joinedOn)
    errors.leftOn = '离开日期不能早于拜师日期';
  if (v.amount !== undefined && def === RECORDS.funds && !errors.amount && Number(v.amount) <= 0)
    errors.amount = '金额必须大于 0';
  return errors;
}

export function fieldOptions(f: FieldDef) {
  if (f.group === 'yesNo')
    return [
      { value: 'true', text: '是' },
      { value: 'false', text: '否' },
    ];
  return options(f.group ?? '', f.codes?.());
}

/** The fields a form shows: edit-only ones (离开日期) only when editing, conditional ones when they apply. */
export function visibleFields(def: RecordDef, v: FormValues, editing: boolean): FieldDef[] {
  return def.fields.filter((f) => (!f.editOnly || editing) && (!f.when || f.when(v)));
}

/** A saved record (as the list returns it) as form values. */
export function fromRow(def: RecordDef, row: Record<string, unknown>): FormValues {
  const v: FormValues = {};
  for (const f of def.fields) {
    const x = row[f.name];
    v[f.name] =
      x === null || x === undefined
        ? ''
        : typeof x === 'boolean'
          ? String(x)
          : f.kind === 'date'
            ? String(x).slice(0, 10)
            : String(x);
  }
  return v;
}

/**
 * The PATCH body: only the fields that differ from the saved record; a value the
 * leader cleared is sent as null (e.g. 离开日期 removed: the apprentice is back).
 */
export function changedBody(
  def: RecordDef,
  original: FormValues,
  values: FormValues,
  ctx: RecordCtx,
): Record<string, unknown> {
  const before = def.toBody(original, ctx);
  const after = def.toBody(values, ctx);
  const out: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
      out[k] = after[k] ?? null;
  }
  return out;
}

/** How a record is named in confirm dialogs and the outbox ("学徒 王五", "活动「焊接培训」"). */
export function describeRow(def: RecordDef, row: Record<string, unknown>): string {
  return def.describe(fromRow(def, row));
}
