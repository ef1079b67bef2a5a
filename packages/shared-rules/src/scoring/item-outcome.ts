/**
 * Applies a reviewer's judgment to what the facts say about an item (docs/rules-contract.md "score"):
 * - "none: 0" and no record: 0, even if a judgment was given;
 * - computed from facts: the score; a judgment may lower it, never raise it;
 * - judged (evidence there, or evidence not recorded and no "none: 0"): the judgment clamped to
 *   [0, max], or `pending` while there is none.
 * Every score ends within [0, max].
 */
import { num, round6 } from '../explanations.js';
import type { Evidence, ItemSpec } from '../policy-definition.js';
import type { AssessmentItem, Deduction, ItemOverride } from '../types.js';

export const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

export function scoreItem(
  spec: ItemSpec,
  evidence: Evidence,
  judgment: number | undefined,
  override?: ItemOverride,
): AssessmentItem {
  const scored = scoreFromEvidence(spec, evidence, judgment);
  return override ? applyOverride(scored, override) : scored;
}

/**
 * A reviewer's override replaces the item's score (clamped to [0, max]) whatever the facts gave,
 * keeping what they gave and the reason on the item and in its explanation, so the sheet, the
 * stored sheet of a finalized period and the exports all show both.
 */
export function applyOverride(item: AssessmentItem, override: ItemOverride): AssessmentItem {
  const s = round6(clamp(override.score, 0, item.max));
  const lost = round6(item.max - s);
  const change = s === item.score ? '维持' : `改为 ${num(s)} 分`;
  return {
    ...item,
    score: s,
    basis: 'override',
    lost,
    basedOn: [...item.basedOn, `overrides.${item.id}`],
    deductions:
      s < item.max
        ? [{ code: 'override', points: lost, message: `评审改分：${override.reason}` }]
        : [],
    override: { fromScore: item.score, fromBasis: item.basis, reason: override.reason },
    explanation: `${item.explanation} 评审改分：原${item.basis === 'pending' ? '待评审' : `得 ${num(item.score)} 分`}，${change}（理由：${override.reason}）。得 ${num(s)} / ${num(item.max)} 分。`,
  };
}

function scoreFromEvidence(
  spec: ItemSpec,
  evidence: Evidence,
  judgment: number | undefined,
): AssessmentItem {
  const max = spec.max;
  const judgmentRef = `judgments.${spec.id}`;
  const base = {
    id: spec.id,
    max,
    bonus: spec.bonus === true,
    label: spec.label,
    rule: spec.rule,
    article: spec.article,
  };
  const finish = (
    score: number,
    basis: AssessmentItem['basis'],
    basedOn: string[],
    deductions: Deduction[],
    explanation: string,
  ): AssessmentItem => {
    const s = round6(clamp(score, 0, max));
    const lost = round6(max - s);
    const shown = deductions.filter(
      (d) => d.code !== 'no_evidence' && d.code !== 'pending_judgment' && d.code !== 'judged',
    );
    const why = shown.length ? ` 扣分：${shown.map((d) => d.message).join('；')}。` : '';
    const text = `${explanation}${why} 得 ${num(s)} / ${num(max)} 分${lost > 0 && basis !== 'pending' ? `，失 ${num(lost)} 分` : ''}。`;
    return { ...base, score: s, basis, basedOn, lost, deductions, explanation: text };
  };

  switch (evidence.kind) {
    case 'none': {
      const note =
        judgment !== undefined ? `（评审分 ${num(judgment)} 不适用：该项无记录不得分）` : '';
      return finish(
        0,
        'auto',
        evidence.basedOn,
        [{ code: 'no_evidence', points: max, message: evidence.message }],
        `${evidence.message}${note}`,
      );
    }
    case 'auto': {
      const auto = clamp(evidence.score, 0, max);
      const deductions = [...evidence.deductions];
      if (judgment !== undefined && clamp(judgment, 0, max) < auto) {
        const j = clamp(judgment, 0, max);
        deductions.push({
          code: 'judged',
          points: round6(auto - j),
          message: `评审酌情扣 ${num(auto - j)} 分`,
        });
        return finish(
          j,
          'judged',
          [...evidence.basedOn, judgmentRef],
          deductions,
          `${evidence.message} 评审打分 ${num(j)}。`,
        );
      }
      return finish(auto, 'auto', evidence.basedOn, deductions, evidence.message);
    }
    case 'needs_judgment':
    case 'unrecorded': {
      if (judgment === undefined) {
        return finish(
          0,
          'pending',
          evidence.basedOn,
          [{ code: 'pending_judgment', points: max, message: '尚待评审打分' }],
          `${evidence.message} 尚待评审打分。`,
        );
      }
      const j = clamp(judgment, 0, max);
      const clampNote = j !== judgment ? `（评审分 ${num(judgment)} 已限定在 0–${num(max)}）` : '';
      const deductions: Deduction[] =
        j < max
          ? [{ code: 'judged', points: round6(max - j), message: `评审酌情扣 ${num(max - j)} 分` }]
          : [];
      return finish(
        j,
        'judged',
        [...evidence.basedOn, judgmentRef],
        deductions,
        `${evidence.message} 评审打分 ${num(j)}${clampNote}。`,
      );
    }
  }
}
