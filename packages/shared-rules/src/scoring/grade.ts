/**
 * Grades from thresholds. A vetoed studio fails whatever its score (docs/rules-contract.md). While
 * items are pending, the grade is given only when every possible completion gives the same
 * grade (the total can only rise by the pending items' maxima); otherwise it is null.
 */
import type { GradeThreshold } from '../policy-definition.js';
import type { Grade } from '../vocabulary.js';

export function gradeFor(total: number, thresholds: readonly GradeThreshold[]): Grade {
  for (const t of thresholds) if (total >= t.min) return t.grade;
  return 'fail';
}

export function settledGrade(
  low: number,
  high: number,
  thresholds: readonly GradeThreshold[] | null,
  vetoed: boolean,
): Grade | null {
  if (vetoed) return 'fail';
  if (!thresholds) return null;
  const a = gradeFor(low, thresholds);
  return a === gradeFor(high, thresholds) ? a : null;
}
