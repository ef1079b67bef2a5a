/**
 * Apprentices mentored in a year (gongshu-2020 附件2 带徒传艺): an apprentice counts in a year
 * when an agreement was signed on or before the year's end (and on or before asOf) and the
 * apprentice had not left before the year began (docs/rules-contract.md "score").
 */
import { memoize, type RuleContext } from '../context.js';
import { excluder, periodZh } from '../explanations.js';
import type { CountedRecord, ExcludedRecord, Period } from '../types.js';
import type { Tally } from './tally.js';

export function mentoredTally(ctx: RuleContext, period: Period): Tally {
  return memoize(ctx, `mentored|${period.from}|${period.to}`, () => {
    const { asOf } = ctx;
    const counted: CountedRecord[] = [];
    const excluded: ExcludedRecord[] = [];
    let planned = 0;
    const exclude = excluder();
    for (const a of ctx.facts.apprentices) {
      const signed = a.agreementSignedOn;
      if (!signed) {
        excluded.push(exclude('apprentices', a.id, 'no_agreement', a.name, a.id));
      } else if (signed > period.to) {
        excluded.push(
          exclude(
            'apprentices',
            a.id,
            'outside_period',
            `${a.name}：协议签订于 ${signed}，晚于 ${period.to}`,
            a.id,
          ),
        );
      } else if (signed > asOf || a.joinedOn > asOf) {
        planned += 1;
        excluded.push(
          exclude(
            'apprentices',
            a.id,
            'after_as_of',
            `${a.name}：协议 ${signed}，入室 ${a.joinedOn}，统计日 ${asOf}`,
            a.id,
          ),
        );
      } else if (a.leftOn && a.leftOn < period.from) {
        excluded.push(
          exclude(
            'apprentices',
            a.id,
            'apprentice_left',
            `${a.name}：${a.leftOn} 已离开，早于 ${period.from}`,
            a.id,
          ),
        );
      } else {
        counted.push({
          record: a.id,
          collection: 'apprentices',
          value: 1,
          date: signed,
          apprenticeId: a.id,
        });
      }
    }
    const summary = `${periodZh(period)}（截至 ${asOf}）签订带徒协议且在册的学徒 ${counted.length} 人。`;
    return { actual: counted.length, counted, excluded, planned, summary };
  });
}

/** The training roster (学员花名册): apprentices on the roster at some point of the period up to asOf. */
export function rosterSize(ctx: RuleContext, period: Period): number {
  return memoize(ctx, `roster|${period.from}|${period.to}`, () => {
    let n = 0;
    for (const a of ctx.facts.apprentices) {
      if (
        a.joinedOn <= ctx.asOf &&
        a.joinedOn <= period.to &&
        !(a.leftOn && a.leftOn < period.from)
      )
        n += 1;
    }
    return n;
  });
}
