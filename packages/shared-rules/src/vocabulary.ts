/**
 * The closed lists of codes that facts may use (docs/rules-contract.md "Facts").
 * Server and mini-app import these instead of keeping their own copies.
 */
export { SKILL_LEVELS, type SkillLevel } from './skill-levels.js';

export const ACTIVITY_KINDS = [
  'training', // 技能培训
  'internal_exchange', // 内部技术交流
  'industry_exchange', // 业内技术交流会、研讨会、展示活动
  'tech_project', // 技术攻关、研发项目
  'renovation', // 技术改造、技术革新
  'social_service', // 技能服务社会活动
  'school_cooperation', // 校企合作、师徒结对
  'competition', // 技能竞赛
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACHIEVEMENT_KINDS = [
  'patent', // 专利
  'award', // 奖项
  'media', // 媒体报道
  'publication', // 论文、教材、书籍
  'innovation', // 创新成果、新工艺
] as const;
export type AchievementKind = (typeof ACHIEVEMENT_KINDS)[number];

/** Low to high. */
export const ACHIEVEMENT_LEVELS = ['unit', 'district', 'city', 'provincial', 'national'] as const;
export type AchievementLevel = (typeof ACHIEVEMENT_LEVELS)[number];

export const FUND_SOURCES = ['grant', 'unit_matching', 'other'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

export const DOCUMENT_KINDS = ['annual_plan', 'annual_summary', 'mentoring_plan'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const RETIREMENT_CATEGORIES = ['male', 'female_cadre', 'female_worker'] as const;
export type RetirementCategory = (typeof RETIREMENT_CATEGORIES)[number];

export const TARGET_IDS = [
  'high_skill_talents',
  'apprentices_mentored',
  'person_times',
  'industry_exchanges',
  'annual_results',
  'team_size',
  'qualified_core',
] as const;
export type TargetId = (typeof TARGET_IDS)[number];

export const DEADLINE_IDS = [
  'annual_plan',
  'annual_summary',
  'cycle_assessment',
  'application',
  'renewal',
] as const;
export type DeadlineId = (typeof DEADLINE_IDS)[number];

export const FINDING_RULES = [
  'team_size',
  'leader_level',
  'leader_retirement',
  'leader_retired',
  'leader_age',
  'studio_name',
  'inactivity',
  'inactivity_risk',
  'member_qualification',
  'qualified_core',
  'matching_funds',
  'annual_matching',
  'fund_ledger',
  'vetoed',
  'policy_expired',
  'policy_draft',
  'not_yet_recognized',
] as const;
export type FindingRule = (typeof FINDING_RULES)[number];

export const SEVERITIES = ['required', 'advisory'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PACE_STATUSES = ['met', 'on_track', 'at_risk', 'behind'] as const;
export type PaceStatus = (typeof PACE_STATUSES)[number];

/** `override`: a reviewer replaced an automatic item's score, with a reason (Facts.overrides). */
export const ITEM_BASES = ['auto', 'judged', 'pending', 'override'] as const;
export type ItemBasis = (typeof ITEM_BASES)[number];

export const GRADES = ['excellent', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

/** Why a record was not counted by a target or an item. */
export const EXCLUSION_REASONS = [
  'outside_period',
  'after_as_of',
  'before_joined',
  'below_senior',
  'already_counted',
  'apprentice_left',
  'no_agreement',
  'not_full_time',
  'below_technician',
  'not_a_result',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
