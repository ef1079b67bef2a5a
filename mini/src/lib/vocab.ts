/** The code lists of shared-rules (kinds, levels, sources): forms offer exactly these. */
import {
  ACHIEVEMENT_KINDS,
  ACHIEVEMENT_LEVELS as LEVELS_LOW_TO_HIGH,
  ACTIVITY_KINDS,
  DOCUMENT_KINDS,
  FUND_SOURCES,
  SKILL_LEVELS,
} from '@master-studio/shared-rules';

export { ACHIEVEMENT_KINDS, ACTIVITY_KINDS, DOCUMENT_KINDS, FUND_SOURCES, SKILL_LEVELS };
/** Highest first: a picker reads better from 国家级 down. */
export const ACHIEVEMENT_LEVELS = [...LEVELS_LOW_TO_HIGH].reverse();
