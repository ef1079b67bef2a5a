/** Achievements (patents, awards, media, publications, innovations) in a period up to asOf. */
import { type RuleContext } from '../context.js';
import { excluder, periodZh } from '../explanations.js';
import { LABELS_ZH } from '../labels.js';
import { inPeriod } from '../periods.js';
import type { Achievement, CountedRecord, ExcludedRecord, Period } from '../types.js';
import {
  ACHIEVEMENT_LEVELS,
  type AchievementKind,
  type AchievementLevel,
  type ExclusionReason,
} from '../vocabulary.js';
import type { Tally } from './tally.js';

export function levelAtLeast(level: AchievementLevel, floor: AchievementLevel): boolean {
  return ACHIEVEMENT_LEVELS.indexOf(level) >= ACHIEVEMENT_LEVELS.indexOf(floor);
}

/**
 * Counts achievements of `kinds` in the period; `reject` may exclude one with a reason.
 * Records of other kinds are not listed.
 */
export function achievementTally(
  ctx: RuleContext,
  period: Period,
  kinds: readonly AchievementKind[],
  reject?: (a: Achievement) => { reason: ExclusionReason; detail: string } | null,
): Tally {
  const { asOf } = ctx;
  const wanted = new Set<string>(kinds);
  const counted: CountedRecord[] = [];
  const excluded: ExcludedRecord[] = [];
  let planned = 0;
  const exclude = excluder();
  const outside = `统计期 ${periodZh(period)}`;
  const afterAsOf = `统计日 ${asOf}`;
  for (const a of ctx.facts.achievements) {
    if (!wanted.has(a.kind)) continue;
    if (!inPeriod(a.date, period)) {
      excluded.push(exclude('achievements', a.id, 'outside_period', outside));
      continue;
    }
    const r = reject?.(a) ?? null;
    if (r) {
      excluded.push(exclude('achievements', a.id, r.reason, r.detail));
    } else if (a.date > asOf) {
      planned += 1;
      excluded.push(exclude('achievements', a.id, 'after_as_of', afterAsOf));
    } else {
      counted.push({
        record: a.id,
        collection: 'achievements',
        value: 1,
        date: a.date,
        level: a.level,
      });
    }
  }
  const summary = `${periodZh(period)}（截至 ${asOf}）${kinds.map((k) => LABELS_ZH.achievementKinds[k]).join('、')} ${counted.length} 项。`;
  return { actual: counted.length, counted, excluded, planned, summary };
}
