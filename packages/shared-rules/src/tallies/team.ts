/** Team counts: members besides the leader (optionally full-time only), and people at a skill floor. */
import { type RuleContext } from '../context.js';
import { excluder } from '../explanations.js';
import { LABELS_ZH } from '../labels.js';
import { recordId } from '../records.js';
import { isAtLeast } from '../skill-levels.js';
import type { CountedRecord, ExcludedRecord } from '../types.js';
import type { SkillLevel } from '../vocabulary.js';
import type { Tally } from './tally.js';

export interface TeamOptions {
  /** Count only members marked fullTime (正式员工). */
  fullTimeOnly: boolean;
  /** Count the leader too. */
  includeLeader: boolean;
  /** Count only people at this level or above. */
  minLevel?: SkillLevel;
}

export function teamTally(ctx: RuleContext, opts: TeamOptions): Tally {
  const counted: CountedRecord[] = [];
  const excluded: ExcludedRecord[] = [];
  const { leader, members } = ctx.facts;
  const floor = opts.minLevel;
  const exclude = excluder();
  if (opts.includeLeader) {
    if (!floor || isAtLeast(leader.skillLevel, floor)) {
      counted.push({ record: 'leader', collection: 'leader', value: 1, level: leader.skillLevel });
    } else {
      excluded.push(
        exclude(
          'leader',
          'leader',
          'below_technician',
          `领办人 ${leader.name}，${LABELS_ZH.skillLevels[leader.skillLevel]}`,
        ),
      );
    }
  }
  members.forEach((m, i) => {
    const record = recordId('members', i);
    const what = `${m.name}，${LABELS_ZH.skillLevels[m.skillLevel]}`;
    if (opts.fullTimeOnly && !m.fullTime)
      excluded.push(exclude('members', record, 'not_full_time', what));
    else if (floor && !isAtLeast(m.skillLevel, floor))
      excluded.push(exclude('members', record, 'below_technician', what));
    else counted.push({ record, collection: 'members', value: 1, level: m.skillLevel });
  });
  const who = `${opts.includeLeader ? '含领办人' : '不含领办人'}${opts.fullTimeOnly ? '的正式员工' : ''}${floor ? `中${LABELS_ZH.skillLevels[floor]}及以上` : ''}`;
  return {
    actual: counted.length,
    counted,
    excluded,
    planned: 0,
    summary: `团队${who}共 ${counted.length} 人。`,
  };
}
