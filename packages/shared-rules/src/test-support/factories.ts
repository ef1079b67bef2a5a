/** Test factories: a valid, empty studio for each policy, and record builders. Not shipped (tsconfig.build excludes it). */
import type { Activity, Apprentice, Certificate, Facts } from '../types.js';
import type { ActivityKind, SkillLevel } from '../vocabulary.js';

export function studioFacts(policyId: string, overrides: Partial<Facts> = {}): Facts {
  const suffix = policyId === 'yuzhong-2023' ? '区级技能大师工作室' : '技能大师工作室';
  return {
    policyId,
    studio: { name: `张三焊工${suffix}`, trade: '焊工', recognizedOn: '2024-03-01' },
    leader: {
      name: '张三',
      birthDate: '1980-06-15',
      retirementCategory: 'male',
      skillLevel: 'senior_technician',
      fullTime: true,
    },
    members: [],
    apprentices: [],
    certificates: [],
    activities: [],
    achievements: [],
    funds: [],
    documents: [],
    ...overrides,
  };
}

export const apprentice = (
  id: string,
  joinedOn: string,
  extra: Partial<Apprentice> = {},
): Apprentice => ({
  id,
  name: `徒${id}`,
  joinedOn,
  agreementSignedOn: joinedOn,
  ...extra,
});

export const cert = (apprenticeId: string, level: SkillLevel, awardedOn: string): Certificate => ({
  apprenticeId,
  level,
  awardedOn,
});

let seq = 0;
export const activity = (
  kind: ActivityKind,
  date: string,
  attendance = 10,
  id?: string,
): Activity => ({
  id: id ?? `e${(seq += 1)}`,
  kind,
  date,
  attendance,
});

export const members = (n: number, level: SkillLevel = 'technician', fullTime = true) =>
  Array.from({ length: n }, (_, i) => ({ name: `成员${i + 1}`, skillLevel: level, fullTime }));

/** Deep-freezes a value (for purity tests). */
export function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as object)) deepFreeze(x);
  }
  return v;
}
