/**
 * Skill levels (国家职业资格 / 职业技能等级), low to high. docs/policies/digest.md §1.
 */
export const SKILL_LEVELS = [
  'junior', // 初级工（五级）
  'intermediate', // 中级工（四级）
  'senior', // 高级工（三级）
  'technician', // 技师（二级）
  'senior_technician', // 高级技师（一级）
  'principal_technician', // 特级技师
  'chief_technician', // 首席技师
] as const;

export type SkillLevel = (typeof SKILL_LEVELS)[number];

export function skillRank(level: SkillLevel): number {
  return SKILL_LEVELS.indexOf(level);
}

export function isAtLeast(level: SkillLevel, floor: SkillLevel): boolean {
  return skillRank(level) >= skillRank(floor);
}
