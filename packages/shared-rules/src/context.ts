/**
 * Everything a rule needs for one call: the validated facts, asOf, the policy, the periods,
 * and indexes built once (apprentices by id), so every tally is a single linear pass.
 */
import { cycleContaining, yearOfAsOf } from './periods.js';
import type { PeriodKind, PolicyDefinition } from './policy-definition.js';
import { retirementAsOf } from './retirement.js';
import type { Apprentice, Facts, IsoDate, Period, RetirementInfo } from './types.js';

export interface RuleContext {
  facts: Facts;
  asOf: IsoDate;
  policy: PolicyDefinition;
  /** Calendar year of asOf. */
  year: Period;
  /** The cycle (or recognition term) that contains asOf. */
  cycle: Period & { index: number };
  apprenticesById: ReadonlyMap<string, Apprentice>;
  retirement: RetirementInfo;
  /** Per-call cache for tallies shared by a target and an item. */
  memo: Map<string, unknown>;
}

export function buildContext(facts: Facts, asOf: IsoDate, policy: PolicyDefinition): RuleContext {
  const apprenticesById = new Map<string, Apprentice>();
  for (const a of facts.apprentices) apprenticesById.set(a.id, a);
  return {
    facts,
    asOf,
    policy,
    year: yearOfAsOf(asOf),
    cycle: cycleContaining(facts.studio.recognizedOn, policy.cycleYears, asOf),
    apprenticesById,
    retirement: retirementAsOf(facts.leader.birthDate, facts.leader.retirementCategory, asOf),
    memo: new Map(),
  };
}

export function periodOf(ctx: RuleContext, kind: PeriodKind): Period | undefined {
  if (kind === 'year') return ctx.year;
  if (kind === 'cycle') return { from: ctx.cycle.from, to: ctx.cycle.to };
  return undefined;
}

/** Computes once per call and caches under `key`. */
export function memoize<T>(ctx: RuleContext, key: string, compute: () => T): T {
  if (ctx.memo.has(key)) return ctx.memo.get(key) as T;
  const value = compute();
  ctx.memo.set(key, value);
  return value;
}
