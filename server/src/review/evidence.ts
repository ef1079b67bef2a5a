/**
 * The records each assessment item rests on, named: shared-rules' evidenceRefs says which
 * collection and record (ids alone are ambiguous across tables), FactsLoader's refs say which
 * database row a Facts entry came from, and one query per kind fetches their titles and dates.
 */
import type { EntityManager } from 'typeorm';
import { evidenceRefs, type Facts, LABELS_ZH, type RecordKind } from '@master-studio/shared-rules';
import { asDate } from '../common/dates';
import { refsOf } from '../progress/facts.loader';
import { placeholders } from '../database/sql';
import type { EvidenceRecordView, ItemRecordsView } from './dto/review.dto';

type Row = Record<string, unknown>;

const zh = (table: Record<string, string>, code: unknown): string =>
  table[String(code)] ?? String(code ?? '');

/** One query per kind: id, title, date, detail. */
const QUERIES: Partial<Record<RecordKind, (ids: string) => string>> = {
  activity: (ids) => `SELECT id, title, date AS d, kind FROM activities WHERE id IN (${ids})`,
  achievement: (ids) => `SELECT id, title, date AS d, kind FROM achievements WHERE id IN (${ids})`,
  certificate: (ids) =>
    `SELECT c.id, p.name AS title, c.awarded_on AS d, c.level AS kind FROM certificates c JOIN apprentices a ON a.id = c.apprentice_id JOIN people p ON p.id = a.person_id WHERE c.id IN (${ids})`,
  apprentice: (ids) =>
    `SELECT a.id, p.name AS title, a.joined_on AS d, NULL AS kind FROM apprentices a JOIN people p ON p.id = a.person_id WHERE a.id IN (${ids})`,
  member: (ids) =>
    `SELECT m.id, p.name AS title, m.joined_on AS d, NULL AS kind FROM team_members m JOIN people p ON p.id = m.person_id WHERE m.id IN (${ids})`,
  fund: (ids) =>
    `SELECT id, category AS title, date AS d, source AS kind FROM fund_entries WHERE id IN (${ids})`,
  document: (ids) =>
    `SELECT id, title, submitted_on AS d, kind, year FROM documents WHERE id IN (${ids})`,
};

function describe(kind: RecordKind, r: Row): Pick<EvidenceRecordView, 'title' | 'detail'> {
  const t = r.title === null || r.title === undefined ? '' : String(r.title);
  switch (kind) {
    case 'activity':
      return { title: t, detail: zh(LABELS_ZH.activityKinds, r.kind) };
    case 'achievement':
      return { title: t, detail: zh(LABELS_ZH.achievementKinds, r.kind) };
    case 'certificate':
      return { title: `${t}的证书`, detail: zh(LABELS_ZH.skillLevels, r.kind) };
    case 'apprentice':
      return { title: `学徒 ${t}`, detail: null };
    case 'member':
      return { title: `成员 ${t}`, detail: null };
    case 'fund':
      return { title: t || '经费', detail: zh(LABELS_ZH.fundSources, r.kind) };
    case 'document':
      return {
        title: t || `${String(r.year)} 年${zh(LABELS_ZH.documentKinds, r.kind)}`,
        detail: zh(LABELS_ZH.documentKinds, r.kind),
      };
    default:
      return { title: t, detail: null };
  }
}

export async function namedEvidence(
  m: EntityManager,
  facts: Facts,
  asOf: string,
): Promise<ItemRecordsView[]> {
  const byItem = evidenceRefs(facts, asOf);
  const refs = refsOf(facts);
  // Item → [kind, database id] in the item's order.
  const wanted = new Map<string, Array<[RecordKind, number]>>();
  const ids = new Map<RecordKind, Set<number>>();
  for (const [itemId, list] of Object.entries(byItem)) {
    const rows: Array<[RecordKind, number]> = [];
    for (const ref of list) {
      const coll = ref.collection as keyof typeof refs;
      const entries = (facts as unknown as Record<string, Array<{ id?: string | null }>>)[coll];
      if (!Array.isArray(entries)) continue;
      const indexed = /^[a-z]+\[(\d+)\]$/.exec(ref.record);
      const index = indexed
        ? Number(indexed[1])
        : entries.findIndex((e) => e.id !== null && e.id !== undefined && e.id === ref.record);
      const dbRef = refs[coll]?.[index];
      if (!dbRef) continue;
      rows.push([dbRef.kind, dbRef.id]);
      let set = ids.get(dbRef.kind);
      if (!set) ids.set(dbRef.kind, (set = new Set()));
      set.add(dbRef.id);
    }
    wanted.set(itemId, rows);
  }
  const found = new Map<string, EvidenceRecordView>();
  for (const [kind, set] of ids) {
    const query = QUERIES[kind];
    if (!query || !set.size) continue;
    const list = [...set];
    const rows = (await m.query(query(placeholders(list)), list)) as Row[];
    for (const r of rows) {
      const id = Number(r.id);
      found.set(`${kind}/${id}`, { kind, id, date: asDate(r.d), ...describe(kind, r) });
    }
  }
  return [...wanted].map(([itemId, rows]) => ({
    itemId,
    records: rows
      .map(([kind, id]) => found.get(`${kind}/${id}`))
      .filter((r): r is EvidenceRecordView => r !== undefined),
  }));
}
