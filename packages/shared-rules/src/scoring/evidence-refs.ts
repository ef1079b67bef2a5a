/**
 * Which records each assessment item rests on, by collection. An item's `basedOn` lists bare
 * record ids, and ids of different collections can be equal (activity 5 and achievement 5), so
 * the items are run once more on a copy of the facts whose ids carry their collection; the
 * tagged ids they return say unambiguously which record each is. Pure; for the reviewer's sheet
 * (evidence shown as named records), not on the scoring path.
 */
import { buildContext } from '../context.js';
import { getPolicy } from '../policies/index.js';
import type { Collection, Facts } from '../types.js';
import { validateAsOf, validateFacts } from '../validation.js';

export interface EvidenceRef {
  collection: Collection;
  /** The record's id as the facts give it (or `collection[i]` for a record without one). */
  record: string;
}

const SEP = '\u241f';
const TAGGED = [
  'apprentices',
  'certificates',
  'activities',
  'achievements',
  'funds',
  'documents',
] as const;

const tag = (collection: string, id: string | null | undefined) =>
  id === null || id === undefined ? id : `${collection}${SEP}${id}`;

function tagFacts(f: Facts): Facts {
  const out = { ...f } as unknown as Record<string, unknown>;
  for (const c of TAGGED) {
    out[c] = (f[c] as unknown as Array<Record<string, unknown>>).map((r) => {
      const copy: Record<string, unknown> = { ...r, id: tag(c, r.id as string | undefined) };
      if (c === 'certificates') copy.apprenticeId = tag('apprentices', r.apprenticeId as string);
      return copy;
    });
  }
  return out as unknown as Facts;
}

function parseRef(ref: string): EvidenceRef | null {
  const i = ref.indexOf(SEP);
  if (i > 0)
    return { collection: ref.slice(0, i) as Collection, record: ref.slice(i + SEP.length) };
  const indexed = /^([a-z]+)\[(\d+)\]$/.exec(ref);
  if (indexed) return { collection: indexed[1] as Collection, record: ref };
  return null; // a fact path (studio.hasSign) or a judgment, not a record
}

/** Item id → the records it rests on, in the order the item gives them (duplicates dropped). */
export function evidenceRefs(facts: unknown, asOf: unknown): Record<string, EvidenceRef[]> {
  validateAsOf(asOf);
  const f = validateFacts(facts);
  const policy = getPolicy(f.policyId);
  if (policy.assessment.kind !== 'items') return {};
  const ctx = buildContext(tagFacts(f), asOf, policy);
  const out: Record<string, EvidenceRef[]> = {};
  for (const item of policy.assessment.items) {
    const seen = new Set<string>();
    out[item.id] = [];
    for (const ref of item.evidence(ctx).basedOn) {
      const r = parseRef(ref);
      if (!r || seen.has(`${r.collection}/${r.record}`)) continue;
      seen.add(`${r.collection}/${r.record}`);
      out[item.id]!.push(r);
    }
  }
  return out;
}
