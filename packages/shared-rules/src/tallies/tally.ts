/** The result of counting records for a target or an item. */
import type { CountedRecord, ExcludedRecord } from '../types.js';

export interface Tally {
  actual: number;
  counted: CountedRecord[];
  excluded: ExcludedRecord[];
  /** Records dated after asOf that would count inside the period (plans, not results). */
  planned: number;
  /** Chinese summary of what was counted. */
  summary: string;
}
