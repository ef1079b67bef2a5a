/** Findings about the leader: statutory retirement, level, age. */
import { ageInYears } from '../dates.js';
import { LABELS_ZH } from '../labels.js';
import type { FindingSpec } from '../policy-definition.js';
import { formatAgeZh, hasYearsBeforeRetirement } from '../retirement.js';
import { isAtLeast } from '../skill-levels.js';
import type { Finding } from '../types.js';
import type { Severity, SkillLevel } from '../vocabulary.js';

/** "距法定退休年龄N年以上（含N年）", measured at asOf (docs/rules-contract.md). */
export function leaderRetirementRule(opts: {
  minYears: number;
  severity: Severity;
  article: string;
}): FindingSpec {
  return {
    rule: 'leader_retirement',
    severity: opts.severity,
    article: opts.article,
    rule_zh: `领办人距法定退休年龄不少于 ${opts.minYears} 年（含），按统计日计算`,
    check(ctx) {
      const r = ctx.retirement;
      if (hasYearsBeforeRetirement(r.date, ctx.asOf, opts.minYears)) return [];
      const left =
        r.monthsLeft > 0
          ? `距法定退休仅 ${Math.floor(r.monthsLeft / 12)} 年 ${r.monthsLeft % 12} 个月`
          : '已达到法定退休年龄';
      const finding: Finding = {
        rule: 'leader_retirement',
        severity: opts.severity,
        article: opts.article,
        message: `领办人 ${ctx.facts.leader.name} 法定退休日期为 ${r.date}（${formatAgeZh(r.ageMonths)}），截至 ${ctx.asOf} ${left}，要求不少于 ${opts.minYears} 年（${opts.article}）。`,
        data: { retirementDate: r.date, monthsLeft: r.monthsLeft, minYears: opts.minYears },
      };
      return [finding];
    },
  };
}

/** The leader has reached statutory retirement at asOf; `consequence` says what the policy does then. */
export function leaderRetiredRule(opts: {
  severity: Severity;
  article: string;
  consequence: string;
}): FindingSpec {
  return {
    rule: 'leader_retired',
    severity: opts.severity,
    article: opts.article,
    rule_zh: `领办人达到法定退休年龄：${opts.consequence}`,
    check(ctx) {
      const r = ctx.retirement;
      if (ctx.asOf < r.date) return [];
      return [
        {
          rule: 'leader_retired',
          severity: opts.severity,
          article: opts.article,
          message: `领办人 ${ctx.facts.leader.name} 已于 ${r.date} 达到法定退休年龄（${formatAgeZh(r.ageMonths)}）：${opts.consequence}（${opts.article}）。`,
          data: { retirementDate: r.date },
        },
      ];
    },
  };
}

/** The leader's skill level against a floor; `relaxedFloor` is where a waiver may reach (shunyi: senior). */
export function leaderLevelRule(opts: {
  floor: SkillLevel;
  severity: Severity;
  article: string;
  relaxedFloor?: SkillLevel;
  note?: string;
}): FindingSpec {
  const floorZh = LABELS_ZH.skillLevels[opts.floor];
  return {
    rule: 'leader_level',
    severity: opts.severity,
    article: opts.article,
    rule_zh: `领办人应为${floorZh}及以上${opts.note ? `（${opts.note}）` : ''}`,
    check(ctx) {
      const level = ctx.facts.leader.skillLevel;
      if (isAtLeast(level, opts.floor)) return [];
      const belowRelaxed = opts.relaxedFloor !== undefined && !isAtLeast(level, opts.relaxedFloor);
      const severity: Severity = belowRelaxed ? 'required' : opts.severity;
      return [
        {
          rule: 'leader_level',
          severity,
          article: opts.article,
          message: `领办人技能等级为${LABELS_ZH.skillLevels[level]}，政策要求${floorZh}及以上${opts.note ? `（${opts.note}）` : ''}（${opts.article}）。`,
          data: { level, floor: opts.floor },
        },
      ];
    },
  };
}

/** "年龄一般在N周岁及以下" (yuzhong-2023 第五条（二）). */
export function leaderAgeRule(opts: {
  maxAge: number;
  severity: Severity;
  article: string;
}): FindingSpec {
  return {
    rule: 'leader_age',
    severity: opts.severity,
    article: opts.article,
    rule_zh: `领办人年龄一般在 ${opts.maxAge} 周岁及以下`,
    check(ctx) {
      const age = ageInYears(ctx.facts.leader.birthDate, ctx.asOf);
      if (age <= opts.maxAge) return [];
      return [
        {
          rule: 'leader_age',
          severity: opts.severity,
          article: opts.article,
          message: `领办人截至 ${ctx.asOf} 年满 ${age} 周岁，政策一般要求 ${opts.maxAge} 周岁及以下（${opts.article}）。`,
          data: { age, maxAge: opts.maxAge },
        },
      ];
    },
  };
}
