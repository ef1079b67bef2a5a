/** Turns a policy's TargetSpec into the contract's Target, with pace and explanations. */
import { periodOf, type RuleContext } from './context.js';
import { citeZh } from './citations.js';
import { num, periodZh } from './explanations.js';
import { LABELS_ZH } from './labels.js';
import { pace } from './pace.js';
import type { TargetSpec } from './policy-definition.js';
import type { Target } from './types.js';

/** 2027-02-28 → 2027年2月28日 */
const dateZh = (d: string): string => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

export function buildTarget(ctx: RuleContext, spec: TargetSpec): Target {
  const period = periodOf(ctx, spec.period);
  const tally = spec.tally(ctx, period);
  const actual = tally.actual;
  const met = actual >= spec.required && (spec.max === undefined || actual <= spec.max);
  const p = pace(actual, spec.required, period, ctx.asOf);
  const status = spec.max !== undefined && actual > spec.max ? 'behind' : p.status;
  const need = spec.max !== undefined ? `${spec.required}–${spec.max}` : `≥ ${spec.required}`;
  const parts = [
    `${LABELS_ZH.targets[spec.id]}：要求 ${need}，实际 ${num(actual)}（${citeZh(spec.article)}）。`,
    tally.summary,
  ];
  if (period) parts.push(`统计期 ${periodZh(period)}。`);
  // What is missing, in whole units and by when (not the pace's fractional projection).
  if (period && !met && actual < spec.required)
    parts.push(
      `还差 ${num(spec.required - actual)} ${LABELS_ZH.targetUnits[spec.id]}，需在 ${dateZh(period.to)}前。`,
    );
  if (tally.planned > 0)
    parts.push(`另有 ${num(tally.planned)} 条记录日期晚于 ${ctx.asOf}，属计划，暂不计入。`);
  const target: Target = {
    id: spec.id,
    required: spec.required,
    actual,
    met,
    status,
    counted: tally.counted.map((c) => c.record),
    countedRecords: tally.counted,
    excluded: tally.excluded,
    label: LABELS_ZH.targets[spec.id],
    article: spec.article,
    explanation: parts.join(''),
  };
  if (period) target.period = period;
  if (spec.max !== undefined) target.max = spec.max;
  if (p.projected !== undefined) target.projected = p.projected;
  if (period) target.planned = tally.planned;
  return target;
}
