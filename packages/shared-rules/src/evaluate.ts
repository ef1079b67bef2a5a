/** evaluate(facts, asOf) → Progress: targets (with pace and explanations), deadlines, findings. */
import { buildContext } from './context.js';
import { getPolicy } from './policies/index.js';
import type { DeadlineOutcome } from './policy-definition.js';
import { buildTarget } from './targets.js';
import type { Deadline, Finding, Progress } from './types.js';
import { LABELS_ZH } from './labels.js';
import { validateAsOf, validateFacts } from './validation.js';

export function evaluate(facts: unknown, asOf: unknown): Progress {
  validateAsOf(asOf);
  const f = validateFacts(facts);
  const policy = getPolicy(f.policyId);
  const ctx = buildContext(f, asOf, policy);
  const targets = policy.targets.map((spec) => buildTarget(ctx, spec));
  // A year-end paper missed last year stays listed, overdue, next to this year's (deadlines.ts).
  const deadlines: Deadline[] = policy.deadlines.flatMap((spec) => {
    const outcomes = [spec.carriedOver?.(ctx), spec.compute(ctx)].filter(
      (o): o is DeadlineOutcome => o != null,
    );
    return outcomes.map((o) => ({
      id: spec.id,
      dueOn: o.dueOn,
      done: o.done,
      overdue: !o.done && o.dueOn < asOf,
      label: LABELS_ZH.deadlines[spec.id],
      article: spec.article,
      explanation: o.explanation,
      basedOn: o.basedOn,
    }));
  });
  const findings: Finding[] = policy.findings.flatMap((spec) => spec.check(ctx));
  return {
    policyId: policy.id,
    asOf,
    targets,
    deadlines,
    findings,
    leaderRetirement: ctx.retirement,
  };
}
