import { evaluate, score } from '@master-studio/shared-rules';
import type { Facts } from './facts';
import { diffProgress, isEmptyDiff, withDraft } from './preview';
import { diffSheet } from './sheet-diff';

// An urumqi-2023 studio: a national patent moves no target but scores the bonus item UB3.
const facts: Facts = {
  policyId: 'urumqi-2023',
  studio: { name: '张三焊工技能大师工作室', trade: '焊工', recognizedOn: '2024-03-01' },
  leader: {
    name: '张三',
    birthDate: '1975-06-01',
    retirementCategory: 'male',
    skillLevel: 'senior_technician',
    fullTime: true,
  },
  members: [],
  apprentices: [],
  certificates: [],
  activities: [],
  achievements: [],
  funds: [],
  documents: [],
};
const asOf = '2025-06-30';

describe('diffSheet (the preview covers the sheet too)', () => {
  const next = withDraft(facts, {
    type: 'achievement',
    record: { id: 'draft', kind: 'patent', date: '2025-05-01', level: 'national' },
  });

  it('shows the patent scoring UB3 although it changes no target', () => {
    expect(isEmptyDiff(diffProgress(evaluate(facts, asOf), evaluate(next, asOf)))).toBe(true);
    const d = diffSheet(score(facts, asOf), score(next, asOf));
    expect(d).not.toBeNull();
    expect(d!.after).toBeGreaterThan(d!.before);
    const ub3 = d!.items.find((i) => i.id === 'UB3');
    expect(ub3).toMatchObject({ before: 0, delta: ub3!.after });
    expect(ub3!.after).toBeGreaterThan(0);
  });

  it('is null when the draft changes no score', () => {
    expect(diffSheet(score(facts, asOf), score(facts, asOf))).toBeNull();
  });
});
