/** Chinese labels of assessment items by policy id and item id, taken from the policy definitions. */
import { POLICY_DEFINITIONS } from './policies/index.js';

export function itemLabelsZh(): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const p of POLICY_DEFINITIONS) {
    const items: Record<string, string> = {};
    if (p.assessment.kind === 'items') for (const it of p.assessment.items) items[it.id] = it.label;
    out[p.id] = items;
  }
  return out;
}

/** `ITEM_LABELS_ZH['urumqi-2023'].U18` → '每2年培养5名高技能人才'. */
export const ITEM_LABELS_ZH: Readonly<Record<string, Readonly<Record<string, string>>>> =
  itemLabelsZh();
