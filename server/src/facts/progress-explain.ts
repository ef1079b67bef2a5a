import { validationFailed } from '../common/domain-error';
import type { Progress, Target } from '../rules/contract';

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

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A target without its record lists, with their counts instead. */
export function summarizeTarget(target: Target): Target & TargetCounts {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(target)) if (!(TARGET_LISTS as readonly string[]).includes(k)) out[k] = v;
  const counted = Array.isArray(target.countedRecords) ? target.countedRecords : list(target.counted);
  const excluded = list(target.excluded);
  const excludedByReason: Record<string, number> = {};
  for (const e of excluded) {
    const reason = String((e as { reason?: unknown } | null)?.reason ?? 'unknown');
    excludedByReason[reason] = (excludedByReason[reason] ?? 0) + 1;
  }
  return { ...(out as Target), countedCount: counted.length, excludedCount: excluded.length, excludedByReason };
}

/**
 * Trims a progress answer to what `explain` asks for. Throws a 400 (Chinese message) when
 * `explain` names a target this studio's policy does not have.
 */
export function explainProgress(progress: Progress, explain?: string): Progress {
  if (explain === EXPLAIN_ALL) return progress;
  if (explain !== undefined && !progress.targets.some((t) => t.id === explain)) {
    throw validationFailed({ explain: `本工作室的政策没有目标“${explain}”` }, `explain 应为 all 或本工作室的一个目标编号（${progress.targets.map((t) => t.id).join('、')}）`);
  }
  return { ...progress, targets: progress.targets.map((t) => (t.id === explain ? t : summarizeTarget(t))) };
}
