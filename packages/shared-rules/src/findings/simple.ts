/** A finding from a plain predicate: `test` returns the message when the rule is broken. */
import type { RuleContext } from '../context.js';
import type { FindingSpec } from '../policy-definition.js';
import type { FindingRule, Severity } from '../vocabulary.js';

export function simpleRule(opts: {
  rule: FindingRule;
  severity: Severity;
  article: string;
  rule_zh: string;
  test(ctx: RuleContext): string | null;
}): FindingSpec {
  return {
    rule: opts.rule,
    severity: opts.severity,
    article: opts.article,
    rule_zh: opts.rule_zh,
    check(ctx) {
      const message = opts.test(ctx);
      return message === null
        ? []
        : [{ rule: opts.rule, severity: opts.severity, article: opts.article, message }];
    },
  };
}
