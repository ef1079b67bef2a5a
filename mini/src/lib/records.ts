import {
  isIsoDate,
  RECORD_KIND_NAMES,
  RECORD_KINDS,
  type RecordKind,
  type RecordPath,
} from '@master-studio/shared-rules';
import type { Draft } from './preview';
import {
  ACHIEVEMENT_KINDS,
  ACHIEVEMENT_LEVELS,
  ACTIVITY_KINDS,
  DOCUMENT_KINDS,
  FUND_SOURCES,
  SKILL_LEVELS,
} from './vocab';
import { label, options, type LabelGroup } from './labels';

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

const opt = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v));

/** The form of each record screen; a kind missing here fails the typecheck. */
export const RECORDS: Record<RecordType, RecordDef> = {
  activities: {
    title: RECORD_KINDS.activity.title,
    noun: RECORD_KINDS.activity.appNoun,
    fields: [
      {
        name: 'kind',
        label: '活动类型',
        kind: 'select',
        required: true,
        group: 'activityKind',
        codes: () => ACTIVITY_KINDS,
      },
      { name: 'title', label: '活动名称', kind: 'text', required: true },
      { name: 'date', label: '活动日期', kind: 'date', required: true },
      { name: 'location', label: '地点', kind: 'text' },
      { name: 'extraAttendance', label: '未签到人数', kind: 'number' },
    ],
    defaults: (today) => ({
      kind: 'training',
      title: '',
      date: today,
      location: '',
      extraAttendance: '',
    }),
    toBody: (v) => ({
      kind: v.kind,
      title: v.title?.trim(),
      date: v.date,
      location: opt(v.location),
      extraAttendance: num(v.extraAttendance),
    }),
    toDraft: (v, ctx) => ({
      type: 'activity',
      record: {
        id: 'draft',
        kind: v.kind as never,
        date: v.date ?? '',
        attendance: (ctx.checkedIn ?? 0) + (num(v.extraAttendance) ?? 0),
      },
    }),
    describe: (v) => `活动「${v.title ?? ''}」`,
  },
  achievements: {
    title: RECORD_KINDS.achievement.title,
    noun: RECORD_KINDS.achievement.appNoun,
    fields: [
      {
        name: 'kind',
        label: '成果类型',
        kind: 'select',
        required: true,
        group: 'achievementKind',
        codes: () => ACHIEVEMENT_KINDS,
      },
      {
        name: 'level',
        label: '级别',
        kind: 'select',
        required: true,
        group: 'recordLevel',
        codes: () => ACHIEVEMENT_LEVELS,
      },
      { name: 'title', label: '名称', kind: 'text', required: true },
      { name: 'date', label: '日期', kind: 'date', required: true },
    ],
    defaults: (today) => ({ kind: 'patent', level: 'city', title: '', date: today }),
    toBody: (v) => ({ kind: v.kind, level: v.level, title: v.title?.trim(), date: v.date }),
    toDraft: (v) => ({
      type: 'achievement',
      record: { id: 'draft', kind: v.kind as never, level: v.level as never, date: v.date ?? '' },
    }),
    describe: (v) => `成果「${v.title ?? ''}」`,
  },
  apprentices: {
    title: RECORD_KINDS.apprentice.title,
    noun: RECORD_KINDS.apprentice.appNoun,
    fields: [
      { name: 'name', label: '姓名', kind: 'text', required: true },
      { name: 'joinedOn', label: '拜师日期', kind: 'date', required: true },
      { name: 'agreementSignedOn', label: '协议签订', kind: 'date' },
      { name: 'leftOn', label: '离开日期', kind: 'date', editOnly: true },
    ],
    defaults: (today) => ({ name: '', joinedOn: today, agreementSignedOn: today, leftOn: '' }),
    toBody: (v) => ({
      name: v.name?.trim(),
      joinedOn: v.joinedOn,
      agreementSignedOn: opt(v.agreementSignedOn),
      leftOn: opt(v.leftOn),
    }),
    toDraft: (v) => ({
      type: 'apprentice',
      record: {
        id: 'draft',
        name: v.name ?? '',
        joinedOn: v.joinedOn ?? '',
        agreementSignedOn: opt(v.agreementSignedOn) ?? null,
        leftOn: opt(v.leftOn) ?? null,
      },
    }),
    describe: (v) => `学徒 ${v.name ?? ''}`,
  },
  certificates: {
    title: RECORD_KINDS.certificate.title,
    noun: RECORD_KINDS.certificate.appNoun,
    fields: [
      {
        name: 'level',
        label: '证书等级',
        kind: 'select',
        required: true,
        group: 'skillLevel',
        codes: () => SKILL_LEVELS,
      },
      { name: 'awardedOn', label: '取证日期', kind: 'date', required: true },
      { name: 'number', label: '证书编号', kind: 'text' },
    ],
    defaults: (today) => ({ level: 'senior', awardedOn: today, number: '' }),
    toBody: (v, ctx) => ({
      apprenticeId: Number(ctx.apprenticeId),
      level: v.level,
      awardedOn: v.awardedOn,
      number: opt(v.number),
    }),
    toDraft: (v, ctx) => ({
      type: 'certificate',
      record: {
        apprenticeId: String(ctx.apprenticeId ?? ''),
        level: (v.level ?? '') as never,
        awardedOn: v.awardedOn ?? '',
      },
    }),
    describe: (v) =>
      `${v.level ? label('skillLevel', v.level) : ''}证书${v.number ? ` ${v.number}` : ''}`,
  },
  funds: {
    title: RECORD_KINDS.fund.title,
    noun: RECORD_KINDS.fund.appNoun,
    fields: [
      {
        name: 'direction',
        label: '收支',
        kind: 'select',
        required: true,
        group: 'direction',
        codes: () => ['income', 'spending'],
      },
      {
        name: 'source',
        label: '来源',
        kind: 'select',
        required: true,
        group: 'fundSource',
        codes: () => FUND_SOURCES,
        when: (v) => v.direction === 'income',
      },
      { name: 'category', label: '科目', kind: 'text', required: true },
      { name: 'amount', label: '金额（元）', kind: 'number', required: true },
      { name: 'date', label: '日期', kind: 'date', required: true },
      { name: 'note', label: '备注', kind: 'text' },
    ],
    defaults: (today) => ({
      direction: 'income',
      source: 'unit_matching',
      category: '',
      amount: '',
      date: today,
      note: '',
    }),
    toBody: (v) => ({
      direction: v.direction,
      source: v.direction === 'income' ? v.source : undefined,
      category: v.category?.trim(),
      amount: Number(v.amount),
      date: v.date,
      note: opt(v.note),
    }),
    toDraft: (v) =>
      v.direction === 'income'
        ? {
            type: 'fund',
            record: {
              source: v.source as never,
              amount: Number(v.amount) || 0,
              date: v.date ?? '',
            },
          }
        : null,
    describe: (v) => `经费${v.direction === 'income' ? '收入' : '支出'} ${v.amount ?? ''} 元`,
  },
  documents: {
    title: RECORD_KINDS.document.title,
    noun: RECORD_KINDS.document.appNoun,
    fields: [
      {
        name: 'kind',
        label: '类型',
        kind: 'select',
        required: true,
        group: 'documentKind',
        codes: () => DOCUMENT_KINDS,
      },
      { name: 'year', label: '所属年度', kind: 'number', required: true },
      { name: 'submittedOn', label: '提交日期', kind: 'date', required: true },
      { name: 'title', label: '标题', kind: 'text' },
    ],
    defaults: (today) => ({
      kind: 'annual_plan',
      year: String(Number(today.slice(0, 4)) + 1),
      submittedOn: today,
      title: '',
    }),
    toBody: (v) => ({
      kind: v.kind,
      year: Number(v.year),
      submittedOn: v.submittedOn,
      title: opt(v.title),
    }),
    toDraft: (v) => ({
      type: 'document',
      record: { kind: v.kind as never, year: Number(v.year), submittedOn: v.submittedOn ?? '' },
    }),
    describe: (v) => `${v.year ?? ''} 年度${v.kind ? label('documentKind', v.kind) : '文件'}`,
  },
  members: {
    title: RECORD_KINDS.member.title,
    noun: RECORD_KINDS.member.appNoun,
    fields: [
      { name: 'name', label: '姓名', kind: 'text', required: true },
      {
        name: 'skillLevel',
        label: '技能等级',
        kind: 'select',
        required: true,
        group: 'skillLevel',
        codes: () => SKILL_LEVELS,
      },
      {
        name: 'fullTime',
        label: '是否专职',
        kind: 'select',
        required: true,
        group: 'yesNo',
        codes: () => ['true', 'false'],
      },
      { name: 'yearsInTrade', label: '从业年限', kind: 'number' },
      { name: 'leftOn', label: '离开日期', kind: 'date', editOnly: true },
    ],
    defaults: () => ({
      name: '',
      skillLevel: 'technician',
      fullTime: 'true',
      yearsInTrade: '',
      leftOn: '',
    }),
    toBody: (v) => ({
      name: v.name?.trim(),
      skillLevel: v.skillLevel,
      fullTime: v.fullTime === 'true',
      yearsInTrade: num(v.yearsInTrade),
      leftOn: opt(v.leftOn),
    }),
    // The team in Facts is the team on asOf: a member who has left no longer counts.
    toDraft: (v, ctx) =>
      opt(v.leftOn) && ctx.today && (v.leftOn ?? '') <= ctx.today
        ? null
        : {
            type: 'member',
            record: {
              name: v.name ?? '',
              skillLevel: v.skillLevel as never,
              fullTime: v.fullTime === 'true',
              yearsInTrade: num(v.yearsInTrade) ?? null,
            },
          },
    describe: (v) => `成员 ${v.name ?? ''}`,
  },
};

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
