/** score(facts, asOf) → AssessmentSheet for the policy's assessment (items, a panel total, or none). */
import { buildContext } from './context.js';
import { getPolicy } from './policies/index.js';
import { buildSheet } from './scoring/sheet.js';
import type { AssessmentSheet } from './types.js';
import { validateAsOf, validateFacts } from './validation.js';

export function score(facts: unknown, asOf: unknown): AssessmentSheet {
  validateAsOf(asOf);
  const f = validateFacts(facts);
  return buildSheet(buildContext(f, asOf, getPolicy(f.policyId)));
}
