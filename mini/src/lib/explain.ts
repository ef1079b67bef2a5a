import { formatDate } from './format';
import { label } from './labels';

const COLLECTION_ZH: Record<string, string> = {
  activities: '活动',
  achievements: '成果',
  apprentices: '学徒',
  certificates: '证书',
  funds: '经费',
  documents: '文件',
  members: '成员',
  leader: '领办人',
  studio: '工作室',
  judgments: '评审',
};

export interface ExplainLine {
  title: string;
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

/**
 * Reads the explanation fields shared-rules puts on a target (explanation,
 * article, countedRecords, excluded) into lines a person can read. Records
 * may carry a `title` (the server adds one); otherwise kind, id and date.
 */
export function explainTarget(t: object): TargetExplanation {
  const target = t as Rec;
  const counted = (Array.isArray(target.countedRecords) ? target.countedRecords : []) as Rec[];
  const excluded = (Array.isArray(target.excluded) ? target.excluded : []) as Rec[];
  return {
    summary: str(target.explanation),
    article: str(target.article),
    counted: counted.map((c) => {
      const what = str(c.title) ?? `${COLLECTION_ZH[String(c.collection)] ?? ''} ${String(c.record ?? '')}`.trim();
      const level = str(c.level) ? ` · ${label('skillLevel', String(c.level))}` : '';
      const date = str(c.date) ? ` · ${formatDate(String(c.date))}` : '';
      return { title: `${what}${level}${date}`, value: typeof c.value === 'number' ? c.value : undefined };
    }),
    excluded: excluded.map((e) => ({
      title: str(e.message) ?? `${COLLECTION_ZH[String(e.collection)] ?? ''} ${String(e.record ?? '')}`.trim(),
      reason: str(e.reason) ? label('exclusion', String(e.reason)) : undefined,
    })),
  };
}
