/** Chinese texts shared by tallies, findings and items. */
import { LABELS_ZH } from './labels.js';
import type { Collection, ExcludedRecord, Period } from './types.js';
import type { ExclusionReason } from './vocabulary.js';

export function periodZh(period: Period): string {
  return `${period.from} 至 ${period.to}`;
}

/** Formats a number for Chinese text without float noise (2.5, 17, 0.25). */
export function num(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

export function yuan(n: number): string {
  return `${num(n)} 元`;
}

export type Exclude = (
  collection: Collection,
  record: string,
  reason: ExclusionReason,
  detail?: string,
  apprenticeId?: string,
) => ExcludedRecord;

/**
 * Makes excluded records with their reason code and a Chinese message "<reason>（<detail>）".
 * Messages are shared between records with the same reason and detail (one string per tally,
 * not one per record), which keeps a 100k-record call from drowning in garbage.
 */
export function excluder(): Exclude {
  const cache = new Map<ExclusionReason, Map<string, string>>();
  return (collection, record, reason, detail = '', apprenticeId) => {
    let byDetail = cache.get(reason);
    if (!byDetail) cache.set(reason, (byDetail = new Map()));
    let message = byDetail.get(detail);
    if (message === undefined) {
      message = `${LABELS_ZH.exclusionReasons[reason]}${detail ? `（${detail}）` : ''}，不计入`;
      byDetail.set(detail, message);
    }
    return apprenticeId === undefined
      ? { record, collection, reason, message }
      : { record, collection, reason, message, apprenticeId };
  };
}

/** Round to 6 decimals: scores are sums of halves and proportional deductions. */
export function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
