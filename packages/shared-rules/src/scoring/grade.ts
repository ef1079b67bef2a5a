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

/**
 * The grades a sheet can still reach while items are pending: the grade of the total as it
 * stands (every pending item scored 0) to the grade with every pending item at its maximum.
 * null when the grade is settled, the policy grades nothing, or a veto fixes it.
 */
export function gradeRange(
  low: number,
  high: number,
  thresholds: readonly GradeThreshold[] | null,
  vetoed: boolean,
): { low: Grade; high: Grade } | null {
  if (vetoed || !thresholds) return null;
  const a = gradeFor(low, thresholds);
  const b = gradeFor(high, thresholds);
  return a === b ? null : { low: a, high: b };
}
