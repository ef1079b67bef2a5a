// Over 300 lines: one registry, the six importable kinds' columns side by side (header, synonyms,
// type, example each), so a kind's sheet is read and changed in one place.
/**
 * The importable kinds: for each record kind of the registry (shared-rules RECORD_KINDS, the
 * server's RECORD_DEFINITIONS) whose records a studio keeps in spreadsheets, the columns of its
 * sheet. Each column is a field of the kind's create DTO (the same name, so the row is validated
 * by the very DTO class the API uses), its Chinese header and the synonyms people write, its
 * type, and the template's example. The natural key decides whether a row is new or a record
 * already there (updated or skipped). Documents are files, not rows: not importable.
 */
import { LABELS_ZH, RECORD_KINDS, type RecordKind } from '@master-studio/shared-rules';
import type { CreateAchievementDto } from '../achievements/dto/achievement.dto';
import type { CreateActivityDto } from '../activities/dto/activity.dto';
import type { CreateApprenticeDto } from '../apprentices/dto/apprentice.dto';
import type { CreateCertificateDto } from '../certificates/dto/certificate.dto';
import type { CreateFundDto } from '../funds/dto/fund.dto';
import type { CreateMemberDto } from '../members/dto/member.dto';

export type FieldType =
  | { t: 'text' }
  | { t: 'date' }
  | { t: 'int' }
  | { t: 'decimal' }
  | { t: 'bool' }
  | { t: 'enum'; labels: Readonly<Record<string, string>> };

export interface ImportField<D> {
  /** The DTO field (certificates: `apprenticeName`, resolved to `apprenticeId`). */
  key: keyof D & string;
  header: string;
  synonyms: readonly string[];
  required: boolean;
  type: FieldType;
  /** The template's example value, as a person would type it. */
  example: string;
}

export interface ImportKind<D = Record<string, unknown>> {
  kind: RecordKind;
  /** The sheet's name in the template and the app (学徒花名册). */
  title: string;
  fields: readonly ImportField<D>[];
  /** Fields of the record view that identify it (compared after normalization). */
  naturalKey: readonly string[];
  /** A date field checked against today (a date after today is a warning). */
  notAfterToday: readonly string[];
}

const TEXT = { t: 'text' } as const;
const DATE = { t: 'date' } as const;
const INT = { t: 'int' } as const;
const enumOf = (labels: Readonly<Record<string, string>>): FieldType => ({ t: 'enum', labels });

/** 到账 / 支出 (the API's income / spending). */
export const DIRECTION_LABELS = { income: '到账', spending: '支出' } as const;

type CertificateRow = Omit<CreateCertificateDto, 'apprenticeId'> & { apprenticeName: string };

const APPRENTICE: ImportKind<CreateApprenticeDto> = {
  kind: 'apprentice',
  title: '学徒花名册',
  fields: [
    {
      key: 'name',
      header: '姓名',
      synonyms: ['学员姓名', '徒弟姓名', '学徒姓名'],
      required: true,
      type: TEXT,
      example: '王小明',
    },
    {
      key: 'joinedOn',
      header: '拜师日期',
      synonyms: ['入册日期', '加入日期', '拜师时间', '进入日期'],
      required: true,
      type: DATE,
      example: '2024-03-01',
    },
    {
      key: 'agreementSignedOn',
      header: '协议签订日期',
      synonyms: ['签约日期', '协议日期', '师徒协议签订日期', '签订日期'],
      required: false,
      type: DATE,
      example: '2024-03-01',
    },
    {
      key: 'leftOn',
      header: '出师或离开日期',
      synonyms: ['离开日期', '出师日期'],
      required: false,
      type: DATE,
      example: '',
    },
  ],
  naturalKey: ['name', 'joinedOn'],
  notAfterToday: ['joinedOn', 'agreementSignedOn', 'leftOn'],
};

const MEMBER: ImportKind<CreateMemberDto> = {
  kind: 'member',
  title: '团队成员',
  fields: [
    {
      key: 'name',
      header: '姓名',
      synonyms: ['成员姓名'],
      required: true,
      type: TEXT,
      example: '李四',
    },
    {
      key: 'skillLevel',
      header: '技能等级',
      synonyms: ['职业技能等级', '等级', '职业资格等级'],
      required: true,
      type: enumOf(LABELS_ZH.skillLevels),
      example: LABELS_ZH.skillLevels.technician,
    },
    {
      key: 'fullTime',
      header: '是否全职',
      synonyms: ['全职', '专兼职'],
      required: true,
      type: { t: 'bool' },
      example: '是',
    },
    {
      key: 'yearsInTrade',
      header: '从业年限',
      synonyms: ['本职业年限', '工作年限'],
      required: false,
      type: INT,
      example: '12',
    },
    {
      key: 'joinedOn',
      header: '加入日期',
      synonyms: ['加入时间'],
      required: false,
      type: DATE,
      example: '2023-09-01',
    },
    { key: 'leftOn', header: '离开日期', synonyms: [], required: false, type: DATE, example: '' },
  ],
  naturalKey: ['name'],
  notAfterToday: ['joinedOn', 'leftOn'],
};

const CERTIFICATE: ImportKind<CertificateRow> = {
  kind: 'certificate',
  title: '技能证书',
  fields: [
    {
      key: 'apprenticeName',
      header: '学员姓名',
      synonyms: ['姓名', '徒弟姓名', '持证人'],
      required: true,
      type: TEXT,
      example: '王小明',
    },
    {
      key: 'level',
      header: '证书等级',
      synonyms: ['等级', '技能等级', '职业技能等级'],
      required: true,
      type: enumOf(LABELS_ZH.skillLevels),
      example: LABELS_ZH.skillLevels.senior,
    },
    {
      key: 'awardedOn',
      header: '发证日期',
      synonyms: ['取证日期', '获证日期', '证书日期'],
      required: true,
      type: DATE,
      example: '2024-12-20',
    },
    {
      key: 'number',
      header: '证书编号',
      synonyms: ['编号'],
      required: false,
      type: TEXT,
      example: 'S000065000001',
    },
  ],
  naturalKey: ['apprenticeId', 'level', 'awardedOn'],
  notAfterToday: ['awardedOn'],
};

const ACTIVITY: ImportKind<CreateActivityDto> = {
  kind: 'activity',
  title: '活动与签到',
  fields: [
    {
      key: 'kind',
      header: '活动类型',
      synonyms: ['类型', '类别'],
      required: true,
      type: enumOf(LABELS_ZH.activityKinds),
      example: LABELS_ZH.activityKinds.training,
    },
    {
      key: 'title',
      header: '活动名称',
      synonyms: ['名称', '主题', '活动主题'],
      required: true,
      type: TEXT,
      example: '焊接工艺培训',
    },
    {
      key: 'date',
      header: '活动日期',
      synonyms: ['日期', '时间'],
      required: true,
      type: DATE,
      example: '2024-05-10',
    },
    {
      key: 'location',
      header: '地点',
      synonyms: ['活动地点'],
      required: false,
      type: TEXT,
      example: '实训车间',
    },
    {
      key: 'extraAttendance',
      header: '参加人次',
      synonyms: ['参加人数', '签到人数', '人次', '人数'],
      required: false,
      type: INT,
      example: '25',
    },
  ],
  naturalKey: ['date', 'title'],
  notAfterToday: [],
};

const ACHIEVEMENT: ImportKind<CreateAchievementDto> = {
  kind: 'achievement',
  title: '成果',
  fields: [
    {
      key: 'kind',
      header: '成果类型',
      synonyms: ['类型'],
      required: true,
      type: enumOf(LABELS_ZH.achievementKinds),
      example: LABELS_ZH.achievementKinds.patent,
    },
    {
      key: 'level',
      header: '成果级别',
      synonyms: ['级别'],
      required: true,
      type: enumOf(LABELS_ZH.achievementLevels),
      example: LABELS_ZH.achievementLevels.city,
    },
    {
      key: 'title',
      header: '成果名称',
      synonyms: ['名称'],
      required: true,
      type: TEXT,
      example: '一种焊缝自动检测装置',
    },
    {
      key: 'date',
      header: '取得日期',
      synonyms: ['日期', '获得日期'],
      required: true,
      type: DATE,
      example: '2024-08-15',
    },
  ],
  naturalKey: ['date', 'title'],
  notAfterToday: ['date'],
};

const FUND: ImportKind<CreateFundDto> = {
  kind: 'fund',
  title: '经费台账',
  fields: [
    {
      key: 'direction',
      header: '收支',
      synonyms: ['收支方向', '类别', '收入支出'],
      required: true,
      type: enumOf({ ...DIRECTION_LABELS, income: '到账' }),
      example: '到账',
    },
    {
      key: 'source',
      header: '经费来源',
      synonyms: ['来源'],
      required: false,
      type: enumOf(LABELS_ZH.fundSources),
      example: LABELS_ZH.fundSources.grant,
    },
    {
      key: 'category',
      header: '科目',
      synonyms: ['用途', '摘要', '项目'],
      required: true,
      type: TEXT,
      example: '设备购置',
    },
    {
      key: 'amount',
      header: '金额（元）',
      synonyms: ['金额', '金额(元)'],
      required: true,
      type: { t: 'decimal' },
      example: '50000',
    },
    {
      key: 'date',
      header: '日期',
      synonyms: ['到账日期', '支出日期', '发生日期'],
      required: true,
      type: DATE,
      example: '2024-04-01',
    },
    { key: 'note', header: '备注', synonyms: ['说明'], required: false, type: TEXT, example: '' },
  ],
  naturalKey: ['date', 'direction', 'category', 'amount', 'source'],
  notAfterToday: ['date'],
};

/** Every importable kind, by its record kind. */
export const IMPORT_KINDS = {
  apprentice: APPRENTICE,
  member: MEMBER,
  certificate: CERTIFICATE,
  activity: ACTIVITY,
  achievement: ACHIEVEMENT,
  fund: FUND,
} as const satisfies Partial<Record<RecordKind, ImportKind<never>>>;

export type ImportKindName = keyof typeof IMPORT_KINDS;
export const IMPORT_KIND_NAMES = Object.keys(IMPORT_KINDS) as ImportKindName[];

/** `apprentices` → apprentice (the routes use the registry's URL segment). */
export function importKindOfPath(path: string): ImportKindName | undefined {
  return IMPORT_KIND_NAMES.find((k) => RECORD_KINDS[k].path === path);
}

/** The kind's spec, widened for the generic code. */
export const specOf = (k: ImportKindName): ImportKind => IMPORT_KINDS[k] as unknown as ImportKind;
