import { recordTypeOfFact } from './records';
import type {
  Facts,
  FactAchievement,
  FactActivity,
  FactApprentice,
  FactCertificate,
  FactDocument,
  FactFund,
  FactMember,
  Progress,
} from './facts';

/** A record the leader is about to save, in Facts terms. */
export type Draft =
  | { type: 'activity'; record: FactActivity }
  | { type: 'achievement'; record: FactAchievement }
  | { type: 'apprentice'; record: FactApprentice }
  | { type: 'certificate'; record: FactCertificate }
  | { type: 'fund'; record: FactFund }
  | { type: 'document'; record: FactDocument }
  | { type: 'member'; record: FactMember };

/** The facts as they would be once the draft is saved (the input is not changed). */
export function withDraft(facts: Facts, draft: Draft): Facts {
  switch (draft.type) {
    case 'activity':
      return { ...facts, activities: [...facts.activities, draft.record] };
    case 'achievement':
      return { ...facts, achievements: [...facts.achievements, draft.record] };
    case 'apprentice':
      return { ...facts, apprentices: [...facts.apprentices, draft.record] };
    case 'certificate':
      return { ...facts, certificates: [...facts.certificates, draft.record] };
    case 'fund':
      return { ...facts, funds: [...facts.funds, draft.record] };
    case 'document':
      return { ...facts, documents: [...facts.documents, draft.record] };
    case 'member':
      return { ...facts, members: [...facts.members, draft.record] };
  }
}

/** Which record of the facts an edit or delete is about (members carry no id in Facts: matched by name). */
export interface RecordRef {
  type: Draft['type'];
  id: string;
  name?: string;
}

/**
 * The facts as they would be once an existing record is changed: the record is
 * REPLACED (not added a second time). `draft` null means the changed record no
 * longer counts (a spending, a member who left) or is deleted. The draft takes
 * the record's real id, so certificates keep pointing at their apprentice.
 */
export function withEdit(facts: Facts, ref: RecordRef, draft: Draft | null): Facts {
  const key: keyof Facts = recordTypeOfFact(ref.type);
  const list = facts[key] as unknown as Array<{ id?: string | null; name?: string }>;
  let idx = list.findIndex((r) =>
    ref.type === 'member'
      ? r.name === ref.name
      : r.id !== undefined && r.id !== null && String(r.id) === ref.id,
  );
  // A certificate without a stable id in old facts cannot be matched: fall back to adding.
  const next = [...list];
  if (idx >= 0) next.splice(idx, 1);
  else idx = next.length;
  if (draft) {
    if (draft.type !== ref.type)
      throw new Error(`edit of a ${ref.type} with a ${draft.type} draft`);
    const record = ref.type === 'member' ? draft.record : { ...draft.record, id: ref.id };
    next.splice(idx, 0, record as never);
  }
  return { ...facts, [key]: next };
}

export interface TargetChange {
  id: string;
  required: number;
  before: number;
  after: number;
  delta: number;
  /** true when this record makes the target met. */
  nowMet: boolean;
}

export interface ProgressDiff {
  changes: TargetChange[];
  deadlinesDone: string[];
  /** Overdue deadlines the draft settles (a year-end paper filed late): no longer overdue, not done. */
  overdueCleared: string[];
  findingsCleared: string[];
  findingsAdded: string[];
}

/** What saving the draft changes: targets that move, deadlines it satisfies, findings it clears or adds. */
export function diffProgress(before: Progress, after: Progress): ProgressDiff {
  const changes: TargetChange[] = [];
  for (const t of after.targets) {
    const prev = before.targets.find((b) => b.id === t.id);
    const was = prev?.actual ?? 0;
    if (t.actual !== was || (prev?.met ?? false) !== t.met) {
      changes.push({
        id: t.id,
        required: t.required,
        before: was,
        after: t.actual,
        delta: t.actual - was,
        nowMet: t.met && !(prev?.met ?? false),
      });
    }
  }
  // A deadline is its id and due day: last year's overdue paper and this year's share the id.
  const dkey = (d: { id: string; dueOn: string }) => `${d.id}|${d.dueOn}`;
  const beforeDone = new Set(before.deadlines.filter((d) => d.done).map(dkey));
  const afterKeys = new Set(after.deadlines.map(dkey));
  const deadlinesDone = after.deadlines
    .filter((d) => d.done && !beforeDone.has(dkey(d)))
    .map((d) => d.id);
  const overdueCleared = before.deadlines
    .filter((d) => d.overdue && !afterKeys.has(dkey(d)))
    .map((d) => d.id);
  const key = (f: { rule: string; message: string }) => `${f.rule}|${f.message}`;
  const beforeKeys = new Set(before.findings.map(key));
  const afterFindings = new Set(after.findings.map(key));
  return {
    changes,
    deadlinesDone,
    overdueCleared,
    findingsCleared: before.findings
      .filter((f) => !afterFindings.has(key(f)))
      .map((f) => f.message),
    findingsAdded: after.findings.filter((f) => !beforeKeys.has(key(f))).map((f) => f.message),
  };
}

export function isEmptyDiff(d: ProgressDiff): boolean {
  return (
    d.changes.length === 0 &&
    d.deadlinesDone.length === 0 &&
    d.overdueCleared.length === 0 &&
    d.findingsCleared.length === 0 &&
    d.findingsAdded.length === 0
  );
}
