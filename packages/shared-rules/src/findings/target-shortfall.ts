/** A finding raised when a standing-condition target (team size, qualified core) is not met. */
import { periodOf } from '../context.js';
import { num } from '../explanations.js';
import { LABELS_ZH } from '../labels.js';
import type { FindingSpec, TargetSpec } from '../policy-definition.js';
import type { FindingRule, Severity } from '../vocabulary.js';

export function targetShortfallRule(opts: {
  rule: FindingRule;
  target: TargetSpec;
  severity: Severity;
  article?: string;
}): FindingSpec {
  const t = opts.target;
  const article = opts.article ?? t.article;
  const need = t.max !== undefined ? `${t.required}–${t.max}` : `不少于 ${t.required}`;
  return {
    rule: opts.rule,
    severity: opts.severity,
    article,
    rule_zh: `${t.rule}`,
    check(ctx) {
      const tally = t.tally(ctx, periodOf(ctx, t.period));
      const ok = tally.actual >= t.required && (t.max === undefined || tally.actual <= t.max);
      if (ok) return [];
      return [
        {
          rule: opts.rule,
          severity: opts.severity,
          article,
          message: `${LABELS_ZH.targets[t.id]}为 ${num(tally.actual)}，要求${need}（${article}）。${tally.summary}`,
          data: { actual: tally.actual, required: t.required },
        },
      ];
    },
  };
}
