/**
 * The studio naming pattern "姓名+职业（工种）+<suffix>". The trade part may drop a trailing
 * 师/工/员 (the trade "中式面点师" in "王芳中式面点技能大师工作室"): see docs/policies.md.
 */
import { citeZh } from '../citations.js';
import type { FindingSpec } from '../policy-definition.js';
import type { Severity } from '../vocabulary.js';

const stripTradeSuffix = (s: string): string => s.trim().replace(/[师工员]$/u, '');

export function studioNameMatches(
  name: string,
  leaderName: string,
  trade: string,
  suffix: string,
): boolean {
  const n = name.trim();
  if (!n.startsWith(leaderName.trim()) || !n.endsWith(suffix)) return false;
  const middle = n.slice(leaderName.trim().length, n.length - suffix.length);
  if (middle === '') return false;
  return middle === trade.trim() || stripTradeSuffix(middle) === stripTradeSuffix(trade);
}

export function studioNameRule(opts: {
  suffix: string;
  severity: Severity;
  article: string;
}): FindingSpec {
  return {
    rule: 'studio_name',
    severity: opts.severity,
    article: opts.article,
    rule_zh: `名称格式为“领办人姓名+职业（工种）+${opts.suffix}”`,
    nameSuffix: opts.suffix,
    check(ctx) {
      const { studio, leader } = ctx.facts;
      if (studioNameMatches(studio.name, leader.name, studio.trade, opts.suffix)) return [];
      const expected = `${leader.name}${studio.trade}${opts.suffix}`;
      return [
        {
          rule: 'studio_name',
          severity: opts.severity,
          article: opts.article,
          message: `工作室名称“${studio.name}”不符合“姓名+职业（工种）+${opts.suffix}”格式，应类似“${expected}”（${opts.article}）。`,
          data: { expected },
        },
      ];
    },
  };
}

/** What a form says about a studio name as it is typed: null when it fits (or the policy sets no format). */
export interface StudioNameProblem {
  message: string;
  expected: string;
  article: string;
}

/**
 * Checks a studio name against the policy's naming format (the policy's studio_name finding,
 * e.g. urumqi-2023 第九条（二）), for forms: the same rule the findings apply after saving.
 */
export function studioNameCheck(
  policy: { findings: readonly FindingSpec[] },
  name: string,
  leaderName: string,
  trade: string,
): StudioNameProblem | null {
  const spec = policy.findings.find((f) => f.rule === 'studio_name' && f.nameSuffix);
  if (!spec?.nameSuffix || !name.trim()) return null;
  const suffix = spec.nameSuffix;
  const cite = citeZh(spec.article);
  if (leaderName.trim() && trade.trim() && studioNameMatches(name, leaderName, trade, suffix))
    return null;
  if (!leaderName.trim() || !trade.trim()) {
    if (name.trim().endsWith(suffix)) return null;
    return {
      message: `名称应以“${suffix}”结尾，格式为“领办人姓名+职业（工种）+${suffix}”（${cite}）`,
      expected: `姓名+工种+${suffix}`,
      article: spec.article,
    };
  }
  const expected = `${leaderName.trim()}${trade.trim()}${suffix}`;
  return {
    message: `名称格式应为“领办人姓名+职业（工种）+${suffix}”，如“${expected}”（${cite}）`,
    expected,
    article: spec.article,
  };
}
