import * as rules from '@master-studio/shared-rules';

/** The code lists of shared-rules (kinds, levels, sources): forms offer exactly these. */
const r = rules as unknown as Record<string, readonly string[] | undefined>;

export const ACTIVITY_KINDS = r.ACTIVITY_KINDS ?? [];
export const ACHIEVEMENT_KINDS = r.ACHIEVEMENT_KINDS ?? [];
export const ACHIEVEMENT_LEVELS = [...(r.ACHIEVEMENT_LEVELS ?? [])].reverse();
export const FUND_SOURCES = r.FUND_SOURCES ?? [];
export const DOCUMENT_KINDS = r.DOCUMENT_KINDS ?? [];
export const SKILL_LEVELS = r.SKILL_LEVELS ?? [];
