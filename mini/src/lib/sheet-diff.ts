import type { Assessment } from './facts';

/** One assessment item whose score a draft changes. */
export interface ItemChange {
  id: string;
  label: string;
  before: number;
  after: number;
  delta: number;
}

export interface SheetDiff {
  before: number;
  after: number;
  max: number;
  items: ItemChange[];
}

/**
 * What saving a draft changes in the assessment sheet (both scored by shared-rules on the
 * device): the total and each item that moves. Pending items count as their current score (0),
 * as the sheet's total does. null when the policy has no item table or nothing changes.
 */
export function diffSheet(before: Assessment, after: Assessment): SheetDiff | null {
  if (!after.items.length) return null;
  const items: ItemChange[] = [];
  for (const it of after.items) {
    const prev = before.items.find((b) => b.id === it.id);
    const was = prev?.score ?? 0;
    if (it.score !== was)
      items.push({
        id: it.id,
        label: it.label,
        before: was,
        after: it.score,
        delta: Math.round((it.score - was) * 100) / 100,
      });
  }
  if (!items.length && before.total === after.total) return null;
  return { before: before.total, after: after.total, max: after.maxTotal, items };
}
