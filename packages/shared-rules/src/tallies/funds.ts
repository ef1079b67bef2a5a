/** Funds of one source received in a period up to asOf. */
import { type RuleContext } from '../context.js';
import { inPeriod } from '../periods.js';
import { recordId } from '../records.js';
import type { Period } from '../types.js';
import type { FundSource } from '../vocabulary.js';

export interface FundSum {
  total: number;
  records: string[];
}

export function fundSum(ctx: RuleContext, period: Period | null, source: FundSource): FundSum {
  let total = 0;
  const records: string[] = [];
  ctx.facts.funds.forEach((f, i) => {
    if (f.source !== source || f.date > ctx.asOf || (period && !inPeriod(f.date, period))) return;
    total += f.amount;
    records.push(recordId('funds', i, f.id));
  });
  return { total, records };
}
