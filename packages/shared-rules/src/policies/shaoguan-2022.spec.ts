import { evaluate, score } from '../index.js';
import { apprentice, cert, members, studioFacts } from '../test-support/factories.js';
import type { Facts } from '../types.js';
import { shaoguan2022 } from './shaoguan-2022.js';

const facts = (o: Partial<Facts> = {}): Facts =>
  studioFacts('shaoguan-2022', { members: members(2), ...o });
const target = (f: Facts, asOf: string, id: string) =>
  evaluate(f, asOf).targets.find((t) => t.id === id)!;
const rules = (f: Facts, asOf = '2025-06-30') =>
  evaluate(f, asOf).findings.map((x) => `${x.rule}:${x.severity}`);

describe(shaoguan2022.id, () => {
  it('counts ≥ 4 senior-or-above talents in the calendar year', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const f = facts({
      apprentices: ids.map((id) => apprentice(id, '2024-01-01')),
      certificates: [
        cert('a', 'senior', '2025-01-01'),
        cert('b', 'chief_technician', '2025-12-31'),
        cert('c', 'senior', '2024-12-31'),
        cert('d', 'technician', '2025-06-30'),
      ],
    });
    expect(target(f, '2025-12-31', 'high_skill_talents')).toMatchObject({
      actual: 3,
      met: false,
      status: 'behind',
    });
    expect(target(f, '2025-06-30', 'high_skill_talents')).toMatchObject({ actual: 2, planned: 1 });
  });

  it('counts the leader in the 3 qualified people', () => {
    expect(target(facts(), '2025-06-30', 'qualified_core')).toMatchObject({ actual: 3, met: true });
    expect(rules(facts({ members: members(2, 'senior') }))).toContain('qualified_core:required');
  });

  it('needs one result a year; media reports are not results', () => {
    const f = facts({
      achievements: [{ id: 'm', kind: 'media', date: '2025-02-01', level: 'national' }],
    });
    const t = target(f, '2025-06-30', 'annual_results');
    expect(t).toMatchObject({ actual: 0, met: false });
    expect(t.excluded[0]).toMatchObject({ record: 'm', reason: 'not_a_result' });
  });

  it('requires a technician leader and flags the policy after its 5 years', () => {
    expect(rules(facts({ leader: { ...facts().leader, skillLevel: 'senior' } }))).toContain(
      'leader_level:required',
    );
    expect(rules(facts(), '2027-04-26')).not.toContain('policy_expired:advisory');
    expect(rules(facts(), '2027-04-27')).toContain('policy_expired:advisory');
  });

  it('renews at the end of the 5-year term and has no assessment', () => {
    expect(evaluate(facts(), '2025-06-30').deadlines).toEqual([
      expect.objectContaining({ id: 'renewal', dueOn: '2029-02-28' }),
    ]);
    expect(score(facts(), '2025-06-30')).toMatchObject({ items: [], grade: null });
  });
});
