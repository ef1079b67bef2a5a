/**
 * The closed code lists, taken from shared-rules so there is one copy. The fallbacks only
 * cover a shared-rules build from before its vocabulary was exported (they are the
 * contract's lists, not policy numbers) and are never used once it is.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rules = require('@master-studio/shared-rules') as Partial<Record<string, readonly string[]>>;

function list(name: string, fallback: readonly string[]): readonly string[] {
  const v = rules[name];
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : fallback;
}

export const SKILL_LEVELS = list('SKILL_LEVELS', ['junior', 'intermediate', 'senior', 'technician', 'senior_technician', 'principal_technician', 'chief_technician']);
export const ACTIVITY_KINDS = list('ACTIVITY_KINDS', ['training', 'internal_exchange', 'industry_exchange', 'tech_project', 'renovation', 'social_service', 'school_cooperation', 'competition']);
export const ACHIEVEMENT_KINDS = list('ACHIEVEMENT_KINDS', ['patent', 'award', 'media', 'publication', 'innovation']);
export const ACHIEVEMENT_LEVELS = list('ACHIEVEMENT_LEVELS', ['unit', 'district', 'city', 'provincial', 'national']);
export const FUND_SOURCES = list('FUND_SOURCES', ['grant', 'unit_matching', 'other']);
export const DOCUMENT_KINDS = list('DOCUMENT_KINDS', ['annual_plan', 'annual_summary', 'mentoring_plan']);
export const RETIREMENT_CATEGORIES = list('RETIREMENT_CATEGORIES', ['male', 'female_cadre', 'female_worker']);

export const oneOf = (label: string, values: readonly string[]): string => `${label}应为以下之一：${values.join('、')}`;
