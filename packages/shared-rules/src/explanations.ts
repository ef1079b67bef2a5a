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

/** An excluded record with its reason code and a Chinese sentence: "<what>：<reason label>（<detail>）". */
export function exclude(
  collection: Collection,
  record: string,
  reason: ExclusionReason,
  what: string,
  detail?: string,
  apprenticeId?: string,
): ExcludedRecord {
  const label = LABELS_ZH.exclusionReasons[reason];
  const message = `${what}：${label}${detail ? `（${detail}）` : ''}，不计入。`;
  return apprenticeId === undefined
    ? { record, collection, reason, message }
    : { record, collection, reason, message, apprenticeId };
}

/** Round to 6 decimals: scores are sums of halves and proportional deductions. */
export function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
