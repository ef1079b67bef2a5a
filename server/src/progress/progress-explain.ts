import { validationFailed } from '../common/domain-error';
import type { Progress, Target } from '@master-studio/shared-rules';

/**
 * How much of shared-rules' explanation a progress answer carries (`?explain=`):
 * - absent: summary — every target keeps its scalars, period, pace, label/article/explanation,
 *   but its record lists (`counted`, `countedRecords`, `excluded`) become counts
 *   (`countedCount`, `excludedCount`, `excludedByReason`);
 * - a target id: that target exactly as evaluate returned it, the others summarized;
 * - `all`: evaluate's output unchanged.
 * For a 10k-record studio the lists are nearly all of the answer's bytes.
 */
export const EXPLAIN_ALL = 'all';

/** The record lists of a target that the summary replaces by counts. */
export const TARGET_LISTS = ['counted', 'countedRecords', 'excluded'] as const;

export interface TargetCounts {
  countedCount: number;
  excludedCount: number;
  /** Not-counted records per shared-rules exclusion reason. */
  excludedByReason: Record<string, number>;
}

/** A target without its record lists, with their counts instead. */
export type SummarizedTarget = Omit<Target, (typeof TARGET_LISTS)[number]> & TargetCounts;

/** A progress answer whose targets are summarized except the one `explain` names (or all kept). */
export type ExplainedProgress = Omit<Progress, 'targets'> & {
  targets: (Target | SummarizedTarget)[];
};

export function summarizeTarget(target: Target): SummarizedTarget {
  const { counted: _counted, countedRecords, excluded, ...rest } = target;
  const excludedByReason: Record<string, number> = {};
  for (const e of excluded) excludedByReason[e.reason] = (excludedByReason[e.reason] ?? 0) + 1;
  return {
    ...rest,
    countedCount: countedRecords.length,
    excludedCount: excluded.length,
    excludedByReason,
  };
}

/**
 * Trims a progress answer to what `explain` asks for. Throws a 400 (Chinese message) when
 * `explain` names a target this studio's policy does not have.
 */
export function explainProgress(progress: Progress, explain?: string): ExplainedProgress {
  if (explain === EXPLAIN_ALL) return progress;
  if (explain !== undefined && !progress.targets.some((t) => t.id === explain)) {
    throw validationFailed(
      { explain: `本工作室的政策没有目标“${explain}”` },
      `explain 应为 all 或本工作室的一个目标编号（${progress.targets.map((t) => t.id).join('、')}）`,
    );
  }
  return {
    ...progress,
    targets: progress.targets.map((t) => (t.id === explain ? t : summarizeTarget(t))),
  };
}
