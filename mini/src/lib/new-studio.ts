import { getPolicy, POLICY_IDS, studioNameCheck } from '@master-studio/shared-rules';

/**
 * The reviewer's 新建工作室 form: the same fields and Chinese messages as the server's
 * CreateStudioDto, checked before sending so mistakes show next to their field at once.
 */
export interface NewStudioForm {
  unitId: string; // an existing unit's id, or 'new'
  newUnitName: string;
  name: string;
  trade: string;
  recognizedOn: string;
  leaderName: string;
  leaderBirthDate: string;
  leaderRetirementCategory: string;
  leaderSkillLevel: string;
  leaderFullTime: string; // 'true' | 'false'
}

export const EMPTY_NEW_STUDIO: NewStudioForm = {
  unitId: '',
  newUnitName: '',
  name: '',
  trade: '',
  recognizedOn: '',
  leaderName: '',
  leaderBirthDate: '',
  leaderRetirementCategory: '',
  leaderSkillLevel: '',
  leaderFullTime: 'true',
};

export const RETIREMENT_OPTIONS = [
  { value: 'male', text: '男' },
  { value: 'female_cadre', text: '女（管理岗位）' },
  { value: 'female_worker', text: '女（生产岗位）' },
];

const isDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime()) &&
  new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/**
 * The policy's name format for the name as it is typed (shared-rules studioNameCheck: the
 * policy's studio_name rule, e.g. urumqi-2023 第九条（二）); undefined while it fits or is empty.
 */
export function nameFormatError(
  f: NewStudioForm,
  policyId: string | undefined,
): string | undefined {
  if (!policyId || !f.name.trim() || !POLICY_IDS.includes(policyId)) return undefined;
  return studioNameCheck(getPolicy(policyId), f.name, f.leaderName, f.trade)?.message;
}

export function validateNewStudio(
  f: NewStudioForm,
  today: string,
  policyId?: string,
): Partial<Record<keyof NewStudioForm, string>> {
  const e: Partial<Record<keyof NewStudioForm, string>> = {};
  if (!f.unitId) e.unitId = '请选择所在单位';
  if (f.unitId === 'new' && !f.newUnitName.trim()) e.newUnitName = '请填写单位名称';
  if (f.newUnitName.length > 120) e.newUnitName = '单位名称不能超过 120 字';
  if (!f.name.trim()) e.name = '请填写工作室名称';
  else if (f.name.length > 120) e.name = '工作室名称不能超过 120 字';
  else if (nameFormatError(f, policyId)) e.name = nameFormatError(f, policyId);
  if (!f.trade.trim()) e.trade = '请填写职业（工种）';
  else if (f.trade.length > 60) e.trade = '职业（工种）不能超过 60 字';
  if (!isDate(f.recognizedOn)) e.recognizedOn = '请选择认定日期';
  else if (f.recognizedOn > today) e.recognizedOn = '认定日期不能晚于今天';
  if (!f.leaderName.trim()) e.leaderName = '请填写领办人姓名';
  else if (f.leaderName.length > 60) e.leaderName = '领办人姓名不能超过 60 字';
  if (!isDate(f.leaderBirthDate)) e.leaderBirthDate = '请选择领办人出生日期';
  else if (f.leaderBirthDate >= today) e.leaderBirthDate = '出生日期应早于今天';
  if (!f.leaderRetirementCategory) e.leaderRetirementCategory = '请选择退休类别';
  if (!f.leaderSkillLevel) e.leaderSkillLevel = '请选择领办人技能等级';
  return e;
}

/** Server field names (`leader.birthDate`) → this form's fields. */
export function formFieldOf(serverField: string): keyof NewStudioForm | null {
  const map: Record<string, keyof NewStudioForm> = {
    unitId: 'unitId',
    name: 'name',
    trade: 'trade',
    recognizedOn: 'recognizedOn',
    'leader.name': 'leaderName',
    'leader.birthDate': 'leaderBirthDate',
    'leader.retirementCategory': 'leaderRetirementCategory',
    'leader.skillLevel': 'leaderSkillLevel',
    'leader.fullTime': 'leaderFullTime',
  };
  return map[serverField] ?? null;
}
