/** Documents (plans, summaries) submitted on or before asOf. */
import { type RuleContext } from '../context.js';
import { recordId } from '../records.js';
import type { IsoDate } from '../types.js';
import type { DocumentKind } from '../vocabulary.js';

/** Ids of documents of `kind` for one of `years`, submitted on or before `by` (and asOf). */
export function documentsFor(
  ctx: RuleContext,
  kind: DocumentKind,
  years: readonly number[],
  by?: IsoDate,
): string[] {
  const limit = by && by < ctx.asOf ? by : ctx.asOf;
  const out: string[] = [];
  ctx.facts.documents.forEach((d, i) => {
    if (d.kind === kind && years.includes(d.year) && d.submittedOn <= limit)
      out.push(recordId('documents', i, d.id));
  });
  return out;
}
