import { LABELS_ZH, RECORD_KIND_NAMES, RECORD_KINDS } from '@master-studio/shared-rules';

/**
 * Chinese names for codes. shared-rules owns the names of policy codes
 * (kinds, levels, target ids) in LABELS_ZH; the app adds only its own words
 * (roles, record types, pace) and falls back to these when a code is new.
 */
const APP_LABELS: Record<string, Record<string, string>> = {
  role: {
    leader: '领办人',
    member: '团队成员',
    apprentice: '学徒',
    unit_contact: '单位联系人',
    reviewer: '人社局审核',
  },
  direction: { income: '收入', spending: '支出' },
  // server/src/studios/studio.entity.ts STUDIO_STATUSES
  studioStatus: { active: '运行中', rectification: '整改中', revoked: '已撤销', expired: '已到期' },
};

/** recordType (by kind = Facts type: activity → 活动), from shared-rules' RECORD_KINDS. */
const RECORD_TYPE_LABELS: Record<string, string> = Object.fromEntries(
  RECORD_KIND_NAMES.map((k) => [k, RECORD_KINDS[k].appNoun]),
);

const appGroup = (group: string): Record<string, string> | undefined =>
  group === 'recordType'
    ? RECORD_TYPE_LABELS
    : (APP_LABELS as Record<string, Record<string, string>>)[group];

type LabelTable = Record<string, unknown>;
const shared = LABELS_ZH as unknown as LabelTable;

/** Our group names → the groups of shared-rules' LABELS_ZH. */
const SHARED_GROUP = {
  activityKind: 'activityKinds',
  achievementKind: 'achievementKinds',
  recordLevel: 'achievementLevels',
  fundSource: 'fundSources',
  documentKind: 'documentKinds',
  skillLevel: 'skillLevels',
  target: 'targets',
  deadline: 'deadlines',
  finding: 'findings',
  severity: 'severities',
  pace: 'paceStatuses',
  basis: 'itemBases',
  grade: 'grades',
  exclusion: 'exclusionReasons',
  retirementCategory: 'retirementCategories',
} as const;

export type LabelGroup = keyof typeof APP_LABELS | 'recordType' | keyof typeof SHARED_GROUP;

function fromShared(group: LabelGroup, key: string): string | undefined {
  const sharedGroup = (SHARED_GROUP as Record<string, string>)[group];
  if (!shared || !sharedGroup) return undefined;
  const g = shared[sharedGroup];
  if (g && typeof g === 'object') {
    const v = (g as Record<string, unknown>)[key];
    if (typeof v === 'string') return v;
  }
  return undefined;
}

export function label(group: LabelGroup, key: string | null | undefined): string {
  if (!key) return '—';
  return fromShared(group, key) ?? appGroup(group)?.[key] ?? key;
}

export function options(
  group: LabelGroup,
  keys?: readonly string[],
): Array<{ value: string; text: string }> {
  const list = keys ?? Object.keys(appGroup(group) ?? {});
  return list.map((value) => ({ value, text: label(group, value) }));
}
