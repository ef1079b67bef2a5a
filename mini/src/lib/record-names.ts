import type { Facts } from './facts';
import { formatDate, formatMoney } from './format';
import { label } from './labels';
import { RECORD_KIND_NAMES, RECORD_KINDS } from '@master-studio/shared-rules';

/**
 * Naming the records behind a target's explanation. shared-rules refers to a
 * record by its `id`, or by `collection[i]` when the record has none (e.g.
 * `certificates[3]`, `members[0]`); these functions look the record up in the
 * studio's facts and say which one it is (whose certificate, which level, when).
 * Pure: facts in, text out.
 */

/** A reference as shared-rules writes it on countedRecords and excluded. */
export interface RecordRef {
  record: string;
  collection: string;
  apprenticeId?: string;
  level?: string;
  date?: string;
}

/** Who or what, its level and its date: the parts of a record's name. */
export interface RecordName {
  name: string;
  level?: string;
  date?: string;
}

type Rec = Record<string, unknown>;
type FactsLike = Partial<
  Pick<
    Facts,
    | 'leader'
    | 'members'
    | 'apprentices'
    | 'certificates'
    | 'activities'
    | 'achievements'
    | 'funds'
    | 'documents'
  >
>;

/** A Facts collection's Chinese name: the record types' nouns, and the parts of the facts that are no record list. */
const COLLECTION_ZH: Record<string, string> = {
  ...Object.fromEntries(
    RECORD_KIND_NAMES.map((k) => [RECORD_KINDS[k].facts, RECORD_KINDS[k].appNoun]),
  ),
  leader: '领办人',
  studio: '工作室',
  judgments: '评审',
};

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined;

/** The record a reference points at: `collection[i]` → the i-th, otherwise the one whose id matches. */
export function findRecord(
  facts: FactsLike | undefined,
  collection: string,
  record: string,
): Rec | undefined {
  if (!facts) return undefined;
  if (collection === 'leader') return facts.leader as Rec | undefined;
  const list = (facts as Record<string, unknown>)[collection];
  if (!Array.isArray(list)) return undefined;
  const indexed = /^([a-z_]+)\[(\d+)\]$/.exec(record);
  if (indexed && indexed[1] === collection) return list[Number(indexed[2])] as Rec | undefined;
  return (list as Rec[]).find((r) => r && str(r.id) === record);
}

/** An apprentice's name from their id, if the facts list them. */
export function apprenticeName(
  facts: FactsLike | undefined,
  apprenticeId: string | undefined,
): string | undefined {
  if (!facts?.apprentices || apprenticeId === undefined) return undefined;
  return str(facts.apprentices.find((a) => str(a.id) === String(apprenticeId))?.name);
}

/** Names a record: the person for certificates, apprentices, members and the leader; the kind otherwise. */
export function nameRecord(ref: RecordRef, facts?: FactsLike): RecordName {
  const r = findRecord(facts, ref.collection, ref.record);
  const what = COLLECTION_ZH[ref.collection] ?? ref.collection;
  const fallback = `${what} ${ref.record}`.trim();
  const date = (d: unknown) =>
    str(d) ? formatDate(str(d)) : ref.date ? formatDate(ref.date) : undefined;
  const skill = (l: unknown) => {
    const code = str(l) ?? ref.level;
    return code ? label('skillLevel', code) : undefined;
  };
  switch (ref.collection) {
    case 'certificates': {
      const who = apprenticeName(facts, str(r?.apprenticeId) ?? ref.apprenticeId);
      return {
        name: who ? `${who}的证书` : fallback,
        level: skill(r?.level),
        date: date(r?.awardedOn),
      };
    }
    case 'apprentices': {
      const who = str(r?.name) ?? apprenticeName(facts, ref.apprenticeId ?? ref.record);
      return {
        name: who ? `学徒 ${who}` : fallback,
        level: skill(undefined),
        date: str(r?.joinedOn) ? `${formatDate(str(r?.joinedOn))}入室` : date(undefined),
      };
    }
    case 'members':
    case 'leader': {
      const who = str(r?.name);
      return {
        name: who ? `${what} ${who}` : fallback,
        level: skill(r?.skillLevel),
        date: date(undefined),
      };
    }
    case 'activities':
      return { name: r ? label('activityKind', str(r.kind)) : fallback, date: date(r?.date) };
    case 'achievements':
      return {
        name: r ? label('achievementKind', str(r.kind)) : fallback,
        level: str(r?.level) ? label('recordLevel', str(r?.level)) : undefined,
        date: date(r?.date),
      };
    case 'funds': {
      const amount = typeof r?.amount === 'number' ? ` ${formatMoney(r.amount)}` : '';
      return {
        name: r ? `${label('fundSource', str(r.source))}${amount}` : fallback,
        date: date(r?.date),
      };
    }
    case 'documents':
      return {
        name: r
          ? `${str(r.year) ? `${str(r.year)} 年` : ''}${label('documentKind', str(r.kind))}`
          : fallback,
        date: str(r?.submittedOn) ? `${formatDate(str(r?.submittedOn))}提交` : date(undefined),
      };
    default:
      return { name: fallback, level: skill(undefined), date: date(undefined) };
  }
}

/** One line: 李明的证书 · 高级工（三级） · 2026年2月1日 */
export function recordTitle(ref: RecordRef, facts?: FactsLike): string {
  const n = nameRecord(ref, facts);
  return [n.name, n.level, n.date].filter(Boolean).join(' · ');
}
