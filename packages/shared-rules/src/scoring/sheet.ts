/** Builds the assessment sheet for each kind of assessment a policy has. */
import type { RuleContext } from '../context.js';
import { num, periodZh, round6 } from '../explanations.js';
import { LABELS_ZH } from '../labels.js';
import type { AssessmentSpec } from '../policy-definition.js';
import type { AssessmentItem, AssessmentSheet } from '../types.js';
import { gradeRange, settledGrade } from './grade.js';
import { scoreItem } from './item-outcome.js';

const thresholdsZh = (spec: {
  grades: readonly { grade: keyof typeof LABELS_ZH.grades; min: number }[] | null;
}): string =>
  spec.grades
    ? spec.grades.map((g) => `${LABELS_ZH.grades[g.grade]} ≥ ${num(g.min)}`).join('，')
    : '';

export function buildSheet(ctx: RuleContext): AssessmentSheet {
  const spec: AssessmentSpec = ctx.policy.assessment;
  const vetoed = ctx.facts.studio.vetoed === true;
  const common = { policyId: ctx.policy.id, asOf: ctx.asOf, vetoed };

  if (spec.kind === 'none') {
    return {
      ...common,
      items: [],
      base: { score: 0, max: 0 },
      bonus: { score: 0, max: 0 },
      total: 0,
      maxTotal: 0,
      complete: true,
      grade: null,
      pending: [],
      gradeNote: `该政策未规定考核评分（${spec.article}），不评定等次。${vetoed ? '已标记否决事项，但该政策无考核等次可否决。' : ''}`,
    };
  }

  if (spec.kind === 'total') {
    const t = ctx.facts.assessmentTotal;
    const has = typeof t === 'number';
    const total = has ? t : 0;
    const grade = has ? settledGrade(total, total, spec.grades, vetoed) : vetoed ? 'fail' : null;
    const note = has
      ? `按评审总分 ${num(total)} / ${num(spec.max)} 评定：${thresholdsZh(spec)}，低于 ${num(spec.grades[spec.grades.length - 1]!.min)} 分不合格（${spec.article}）。`
      : `尚未录入评审总分（${spec.article}）。`;
    return {
      ...common,
      items: [],
      base: { score: total, max: spec.max },
      bonus: { score: 0, max: 0 },
      total,
      maxTotal: spec.max,
      complete: has,
      grade,
      pending: has ? [] : ['assessmentTotal'],
      gradeNote: vetoed ? `存在一票否决事项，评定为不合格。${note}` : note,
    };
  }

  const judgments = ctx.facts.judgments ?? {};
  const overrides = ctx.facts.overrides ?? {};
  const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  const items: AssessmentItem[] = spec.items.map((item) =>
    scoreItem(
      item,
      item.evidence(ctx),
      own(judgments, item.id) ? judgments[item.id] : undefined,
      own(overrides, item.id) ? overrides[item.id] : undefined,
    ),
  );
  let base = 0;
  let bonus = 0;
  let pendingMax = 0;
  const pending: string[] = [];
  for (const it of items) {
    if (it.bonus) bonus += it.score;
    else base += it.score;
    if (it.basis === 'pending') {
      pending.push(it.id);
      pendingMax += it.max;
    }
  }
  base = round6(Math.min(base, spec.baseMax));
  bonus = round6(Math.min(bonus, spec.bonusMax));
  const total = round6(base + bonus);
  const maxTotal = spec.baseMax + spec.bonusMax;
  const high = Math.min(maxTotal, total + pendingMax);
  const grade = settledGrade(total, high, spec.grades, vetoed);
  const period = { from: ctx.cycle.from, to: ctx.cycle.to };
  const parts: string[] = [`考核期 ${periodZh(period)}，截至 ${ctx.asOf}。`];
  if (vetoed)
    parts.push(`存在一票否决事项，直接评定为不合格（${spec.vetoArticle ?? spec.article}）。`);
  if (!spec.grades)
    parts.push(`该政策考核表未设合格线，只报告得分，不评定等次（${spec.article}）。`);
  else parts.push(`等次：${thresholdsZh(spec)}，其余不合格（${spec.article}）。`);
  if (pending.length) {
    parts.push(
      `尚有 ${pending.length} 项待评审（${pending.join('、')}，合计 ${num(pendingMax)} 分），总分可能在 ${num(total)}–${num(high)} 之间。`,
    );
    if (!vetoed && spec.grades && grade === null) parts.push('等次尚不能确定。');
  }
  return {
    ...common,
    period,
    items,
    base: { score: base, max: spec.baseMax },
    bonus: { score: bonus, max: spec.bonusMax },
    total,
    maxTotal,
    complete: pending.length === 0,
    grade,
    pending,
    gradeNote: parts.join(''),
    gradeRange: gradeRange(total, high, spec.grades, vetoed),
  };
}
