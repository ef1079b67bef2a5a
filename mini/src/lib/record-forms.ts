// About 300 lines: one table, one entry per record kind (its form fields, defaults, request body,
// preview draft and name); a kind's entry reads best whole, and the typecheck needs all of them here.
import { RECORD_KINDS } from '@master-studio/shared-rules';
import { label } from './labels';
import type { RecordDef, RecordType } from './records';
import {
  ACHIEVEMENT_KINDS,
  ACHIEVEMENT_LEVELS,
  ACTIVITY_KINDS,
  DOCUMENT_KINDS,
  FUND_SOURCES,
  SKILL_LEVELS,
} from './vocab';

/**
 * The form of each record screen: fields, defaults, the request body, the record as Facts for the
 * preview, and its name. Titles and nouns come from shared-rules' RECORD_KINDS; the helpers that
 * work on any form (validate, changedBody…) are in records.ts.
 */

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
      // maxLength and integer: CreateActivityDto's @MaxLength(120) and @IsInt (records.spec.ts checks).
      { name: 'title', label: '活动名称', kind: 'text', required: true, maxLength: 120 },
      { name: 'date', label: '活动日期', kind: 'date', required: true },
      { name: 'location', label: '地点', kind: 'text', maxLength: 120 },
      { name: 'extraAttendance', label: '未签到人数', kind: 'number', integer: true },
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
