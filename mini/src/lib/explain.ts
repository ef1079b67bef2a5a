import { citeZh } from '@master-studio/shared-rules';
import type { Facts } from './facts';
import { label } from './labels';
import { nameRecord, type RecordRef } from './record-names';

export interface ExplainLine {
  /** Which record: 李明的证书 */
  title: string;
  /** Its level and date: 高级工（三级） · 2026年2月1日 */
  detail?: string;
  value?: number;
  reason?: string;
}

export interface TargetExplanation {
  summary?: string;
  article?: string;
  counted: ExplainLine[];
  excluded: ExplainLine[];
}

type Rec = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

const PERIOD_SENTENCE = /统计期 (\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2})。/g;

/**
 * shared-rules' explanation may name the period twice: in the tally's own
 * sentence ("统计期 A 至 B 内…", "A 至 B（截至…）…") and again as a closing
 * "统计期 A 至 B。". Drops the closing sentence when the period is already there.
 */
export function dedupePeriod(text: string): string {
  return text.replace(PERIOD_SENTENCE, (sentence, period: string, offset: number) => {
    const rest = text.slice(0, offset) + text.slice(offset + sentence.length);
    return rest.includes(period) ? '' : sentence;
  });
}

const ref = (r: Rec): RecordRef => ({
  record: String(r.record ?? ''),
  collection: String(r.collection ?? ''),
  apprenticeId: str(r.apprenticeId),
  level: str(r.level),
  date: str(r.date),
});

/**
 * Reads the explanation fields shared-rules puts on a target (explanation,
 * article, countedRecords, excluded) into lines a person can read. With the
 * studio's facts, each record is named (whose certificate, its level and
 * date); a record may also carry its own `title`.
 */
export function explainTarget(t: object, facts?: Partial<Facts>): TargetExplanation {
  const target = t as Rec;
  const counted = (Array.isArray(target.countedRecords) ? target.countedRecords : []) as Rec[];
  const excluded = (Array.isArray(target.excluded) ? target.excluded : []) as Rec[];
  const line = (r: Rec): ExplainLine => {
    const n = nameRecord(ref(r), facts);
    const detail = [n.level, n.date].filter(Boolean).join(' · ');
    return detail ? { title: str(r.title) ?? n.name, detail } : { title: str(r.title) ?? n.name };
  };
  const summary = str(target.explanation);
  return {
    summary: summary ? citeZh(dedupePeriod(summary)) : undefined,
    // `urumqi-2023 第四条` → `乌鲁木齐市办法 第四条`: no policy id reaches the screen.
    article: target.article ? citeZh(String(target.article)) : undefined,
    counted: counted.map((c) => ({
      ...line(c),
      value: typeof c.value === 'number' ? c.value : undefined,
    })),
    excluded: excluded.map((e) => ({
      ...line(e),
      reason: str(e.message) ?? (str(e.reason) ? label('exclusion', String(e.reason)) : undefined),
    })),
  };
}
