/**
 * urumqi-2023 第二十条（一）: within 4 years of recognition, a studio that "超过一年以上不开展工作"
 * (does no work for more than one year) is revoked. Work = any activity record. A gap counts from
 * recognition (or the previous activity) to the next activity, or to asOf; "more than one year"
 * means the gap's end is after the start plus one year. A warning (`inactivity_risk`) comes when
 * the current gap passes `warnMonths`.
 */
import { addMonths, addYears, minDate } from '../dates.js';
import type { FindingSpec } from '../policy-definition.js';
import type { Finding } from '../types.js';

export function inactivityRule(opts: {
  windowYears: number;
  article: string;
  warnMonths: number;
}): FindingSpec {
  return {
    rule: 'inactivity',
    severity: 'required',
    article: opts.article,
    rule_zh: `认定后 ${opts.windowYears} 年内超过一年以上不开展工作的，取消称号（连续 ${opts.warnMonths} 个月无活动时提前提醒）`,
    check(ctx) {
      const start = ctx.facts.studio.recognizedOn;
      if (ctx.asOf < start) return [];
      const windowEnd = addYears(start, opts.windowYears);
      const end = minDate(ctx.asOf, windowEnd);
      const dates: string[] = [];
      for (const e of ctx.facts.activities)
        if (e.date >= start && e.date <= end) dates.push(e.date);
      dates.sort();
      const findings: Finding[] = [];
      let prev = start;
      let worst: { from: string; to: string } | null = null;
      const check = (next: string): void => {
        if (next > addYears(prev, 1) && (!worst || next > worst.to))
          worst = { from: prev, to: next };
        prev = next;
      };
      for (const d of dates) check(d);
      const last = prev;
      check(end);
      const gap = worst as { from: string; to: string } | null;
      if (gap) {
        findings.push({
          rule: 'inactivity',
          severity: 'required',
          article: opts.article,
          message: `${gap.from} 至 ${gap.to} 超过一年未开展任何活动；认定后 ${opts.windowYears} 年内出现此情形将被取消称号（${opts.article}）。`,
          data: { from: gap.from, to: gap.to },
        });
      } else if (ctx.asOf <= windowEnd && addMonths(last, opts.warnMonths) < ctx.asOf) {
        findings.push({
          rule: 'inactivity_risk',
          severity: 'advisory',
          article: opts.article,
          message: `最近一次活动（或认定日）为 ${last}，已超过 ${opts.warnMonths} 个月未开展活动；${addYears(last, 1)} 之后仍无活动将构成“超过一年以上不开展工作”（${opts.article}）。`,
          data: { lastActivity: last, deadline: addYears(last, 1) },
        });
      }
      return findings;
    },
  };
}
