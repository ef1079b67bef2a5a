/** Activities in a period up to asOf: how many, or how many person-times (人次 = attendance summed). */
import { memoize, type RuleContext } from '../context.js';
import { excluder, periodZh } from '../explanations.js';
import { LABELS_ZH } from '../labels.js';
import { inPeriod } from '../periods.js';
import type { CountedRecord, ExcludedRecord, Period } from '../types.js';
import type { ActivityKind } from '../vocabulary.js';
import type { Tally } from './tally.js';

export type ActivityMeasure = 'count' | 'attendance';

export function activityTally(
  ctx: RuleContext,
  period: Period,
  kinds: readonly ActivityKind[] | null,
  measure: ActivityMeasure,
): Tally {
  const key = `activities|${period.from}|${period.to}|${kinds ? kinds.join(',') : '*'}|${measure}`;
  return memoize(ctx, key, () => {
    const { asOf } = ctx;
    const wanted = kinds ? new Set<string>(kinds) : null;
    const counted: CountedRecord[] = [];
    const excluded: ExcludedRecord[] = [];
    let actual = 0;
    let planned = 0;
    const exclude = excluder();
    const outside = `统计期 ${periodZh(period)}`;
    const afterAsOf = `统计日 ${asOf}`;
    for (const e of ctx.facts.activities) {
      if (wanted && !wanted.has(e.kind)) continue;
      if (!inPeriod(e.date, period)) {
        excluded.push(exclude('activities', e.id, 'outside_period', outside));
      } else if (e.date > asOf) {
        planned += measure === 'count' ? 1 : e.attendance;
        excluded.push(exclude('activities', e.id, 'after_as_of', afterAsOf));
      } else {
        const value = measure === 'count' ? 1 : e.attendance;
        actual += value;
        counted.push({ record: e.id, collection: 'activities', value, date: e.date });
      }
    }
    const kindText = kinds ? kinds.map((k) => LABELS_ZH.activityKinds[k]).join('、') : '各类';
    const summary =
      measure === 'count'
        ? `${periodZh(period)}（截至 ${asOf}）开展${kindText}活动 ${actual} 次。`
        : `${periodZh(period)}（截至 ${asOf}）${kindText}活动签到合计 ${actual} 人次（${counted.length} 次活动）。`;
    return { actual, counted, excluded, planned, summary };
  });
}

/** Any activity of these kinds in the period up to asOf (the evidence of "none: 0" items). */
export function activitiesOfKinds(
  ctx: RuleContext,
  period: Period,
  kinds: readonly ActivityKind[],
): string[] {
  return memoize(ctx, `activity-ids|${period.from}|${period.to}|${kinds.join(',')}`, () => {
    const out: string[] = [];
    const { asOf } = ctx;
    for (const e of ctx.facts.activities) {
      if (e.date <= asOf && e.date >= period.from && e.date <= period.to && kinds.includes(e.kind))
        out.push(e.id);
    }
    return out;
  });
}
