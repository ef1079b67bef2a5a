/** Small constructors for item evidence, shared by the policies' item functions. */
import type { RuleContext } from '../context.js';
import { num } from '../explanations.js';
import type { Evidence } from '../policy-definition.js';
import type { Deduction, Studio } from '../types.js';

export const none = (basedOn: string[], message: string): Evidence => ({
  kind: 'none',
  basedOn,
  message,
});

export const auto = (
  score: number,
  basedOn: string[],
  message: string,
  deductions: Deduction[] = [],
): Evidence => ({
  kind: 'auto',
  score,
  basedOn,
  message,
  deductions,
});

export const needsJudgment = (basedOn: string[], message: string): Evidence => ({
  kind: 'needs_judgment',
  basedOn,
  message,
});

export const unrecorded = (basedOn: string[], message: string): Evidence => ({
  kind: 'unrecorded',
  basedOn,
  message,
});

export const deduction = (code: string, points: number, message: string): Deduction => ({
  code,
  points,
  message,
});

type StudioFlag =
  'hasSign' | 'hasHonoursBoard' | 'rulesPosted' | 'dutiesDefined' | 'hasEquipment' | 'hasFundRules';

/** A "none: 0" checklist item: full marks when the studio flag is true, 0 when false or not recorded. */
export function flagItem(ctx: RuleContext, flag: StudioFlag, max: number, what: string): Evidence {
  const v: Studio[StudioFlag] = ctx.facts.studio[flag];
  const ref = `studio.${flag}`;
  if (v === true) return auto(max, [ref], `已${what}，得 ${num(max)} 分。`);
  return none(
    [ref],
    v === false ? `未${what}，不得分。` : `无“${what}”的记录，按“没有不得分”计 0 分。`,
  );
}

/** A "none: 0" item evidenced by records: full marks when any exists. */
export function recordsItem(records: string[], max: number, what: string): Evidence {
  if (records.length)
    return auto(
      max,
      records,
      `${what}：${records.length} 条记录（${records.slice(0, 10).join('、')}${records.length > 10 ? '等' : ''}），得 ${num(max)} 分。`,
    );
  return none([], `${what}：无记录，不得分。`);
}

/** A "judged; none: 0" item: the judgment when records exist, 0 otherwise. */
export function judgedRecordsItem(records: string[], what: string): Evidence {
  if (records.length)
    return needsJudgment(
      records,
      `${what}：${records.length} 条记录（${records.slice(0, 10).join('、')}${records.length > 10 ? '等' : ''}）。`,
    );
  return none([], `${what}：未开展，不得分。`);
}

export const list = (ids: string[]): string =>
  ids.length ? ids.slice(0, 10).join('、') + (ids.length > 10 ? '等' : '') : '无';
