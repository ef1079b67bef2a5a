/**
 * "Trained a high-skill talent" (docs/policies/digest.md §1): an apprentice obtained a certificate at
 * `minLevel` (senior) or above, dated inside the period and on or before asOf, while on the
 * roster (joined on or before the certificate date, not left before it). One apprentice counts
 * once per period, at the highest level reached in it. One pass over certificates.
 */
import { memoize, type RuleContext } from '../context.js';
import { excluder, periodZh } from '../explanations.js';
import { LABELS_ZH } from '../labels.js';
import { inPeriod } from '../periods.js';
import { recordId } from '../records.js';
import { skillRank } from '../skill-levels.js';
import type { CountedRecord, ExcludedRecord, IsoDate, Period } from '../types.js';
import type { SkillLevel } from '../vocabulary.js';
import type { Tally } from './tally.js';

export interface TalentTally extends Tally {
  /** Highest level reached in the period, by apprentice id (only those counted). */
  best: ReadonlyMap<string, { level: SkillLevel; date: IsoDate; record: string }>;
}

interface Candidate {
  level: SkillLevel;
  rank: number;
  date: IsoDate;
  record: string;
  index: number;
}

export function talentTally(
  ctx: RuleContext,
  period: Period,
  minLevel: SkillLevel = 'senior',
): TalentTally {
  return memoize(ctx, `talents|${period.from}|${period.to}|${minLevel}`, () => {
    const { asOf, apprenticesById } = ctx;
    const floor = skillRank(minLevel);
    const excluded: ExcludedRecord[] = [];
    const candidates = new Map<string, Candidate[]>();
    let planned = 0;
    const exclude = excluder();
    const outside = `统计期 ${periodZh(period)}`;
    const afterAsOf = `统计日 ${asOf}`;
    const certs = ctx.facts.certificates;
    for (let i = 0; i < certs.length; i += 1) {
      const c = certs[i]!;
      const record = recordId('certificates', i, c.id);
      const rank = skillRank(c.level);
      if (!inPeriod(c.awardedOn, period)) {
        excluded.push(exclude('certificates', record, 'outside_period', outside, c.apprenticeId));
        continue;
      }
      if (c.awardedOn > asOf) {
        if (rank >= floor) planned += 1;
        excluded.push(exclude('certificates', record, 'after_as_of', afterAsOf, c.apprenticeId));
        continue;
      }
      if (rank < floor) {
        excluded.push(
          exclude(
            'certificates',
            record,
            'below_senior',
            LABELS_ZH.skillLevels[c.level],
            c.apprenticeId,
          ),
        );
        continue;
      }
      const a = apprenticesById.get(c.apprenticeId);
      if (!a) continue; // validation guarantees the apprentice exists
      if (c.awardedOn < a.joinedOn) {
        excluded.push(
          exclude(
            'certificates',
            record,
            'before_joined',
            `证书 ${c.awardedOn}，入室 ${a.joinedOn}`,
            c.apprenticeId,
          ),
        );
        continue;
      }
      if (a.leftOn && c.awardedOn > a.leftOn) {
        excluded.push(
          exclude(
            'certificates',
            record,
            'apprentice_left',
            `证书 ${c.awardedOn}，离开 ${a.leftOn}`,
            c.apprenticeId,
          ),
        );
        continue;
      }
      const list = candidates.get(c.apprenticeId);
      const cand = { level: c.level, rank, date: c.awardedOn, record, index: i };
      if (list) list.push(cand);
      else candidates.set(c.apprenticeId, [cand]);
    }
    const counted: CountedRecord[] = [];
    const best = new Map<string, { level: SkillLevel; date: IsoDate; record: string }>();
    for (const [apprenticeId, list] of candidates) {
      let top = list[0]!;
      for (const cand of list) {
        if (cand.rank > top.rank || (cand.rank === top.rank && cand.date < top.date)) top = cand;
      }
      best.set(apprenticeId, { level: top.level, date: top.date, record: top.record });
      counted.push({
        record: top.record,
        collection: 'certificates',
        value: 1,
        date: top.date,
        apprenticeId,
        level: top.level,
      });
      for (const cand of list) {
        if (cand === top) continue;
        excluded.push(
          exclude(
            'certificates',
            cand.record,
            'already_counted',
            `该学徒本期已按 ${LABELS_ZH.skillLevels[top.level]}（${top.record}）计入`,
            apprenticeId,
          ),
        );
      }
    }
    const summary = `统计期 ${periodZh(period)} 内（截至 ${asOf}），${counted.length} 名学徒取得${LABELS_ZH.skillLevels[minLevel]}及以上证书。`;
    return { actual: counted.length, counted, excluded, planned, summary, best };
  });
}
