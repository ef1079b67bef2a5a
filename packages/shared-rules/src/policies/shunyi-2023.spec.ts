import { evaluate, score } from '../index.js';
import { activity, members, studioFacts } from '../test-support/factories.js';
import type { Facts } from '../types.js';
import { shunyi2023 } from './shunyi-2023.js';

const facts = (o: Partial<Facts> = {}): Facts =>
  studioFacts('shunyi-2023', { members: members(3), ...o });
const rules = (f: Facts, asOf: string) =>
  evaluate(f, asOf).findings.map((x) => `${x.rule}:${x.severity}`);

describe(shunyi2023.id, () => {
  it('sums attendance of every kind in the calendar year up to asOf', () => {
    const f = facts({
      activities: [
        activity('training', '2024-12-31', 50),
        activity('competition', '2025-01-01', 60),
        activity('internal_exchange', '2025-12-31', 40),
      ],
    });
    expect(evaluate(f, '2025-12-30').targets.find((t) => t.id === 'person_times')).toMatchObject({
      actual: 60,
      met: false,
      planned: 40,
    });
    expect(evaluate(f, '2025-12-31').targets.find((t) => t.id === 'person_times')).toMatchObject({
      actual: 100,
      met: true,
      status: 'met',
    });
  });

  it('requires 3 full-time members besides the leader', () => {
    expect(
      rules(facts({ members: [...members(2), ...members(1, 'senior', false)] }), '2025-06-30'),
    ).toContain('team_size:required');
  });

  it('requires ≥ 2 years (inclusive) before statutory retirement', () => {
    // male born 1966-03-01: 60y4m → 2026-07-01
    const f = facts({ leader: { ...facts().leader, birthDate: '1966-03-01' } });
    expect(rules(f, '2024-07-01')).not.toContain('leader_retirement:required');
    expect(rules(f, '2024-07-02')).toContain('leader_retirement:required');
    expect(rules(f, '2026-07-01')).toContain('leader_retired:required');
  });

  it('reads the leader level as advisory down to senior and required below', () => {
    expect(
      rules(facts({ leader: { ...facts().leader, skillLevel: 'senior' } }), '2025-06-30'),
    ).toContain('leader_level:advisory');
    expect(
      rules(facts({ leader: { ...facts().leader, skillLevel: 'intermediate' } }), '2025-06-30'),
    ).toContain('leader_level:required');
  });

  it('has the application and annual report deadlines; a late report is not done', () => {
    const f = facts({
      documents: [{ kind: 'annual_summary', year: 2024, submittedOn: '2025-01-10' }],
    });
    const d = Object.fromEntries(evaluate(f, '2025-03-01').deadlines.map((x) => [x.id, x]));
    expect(d.application).toMatchObject({ dueOn: '2025-08-31', done: true });
    expect(d.annual_summary).toMatchObject({ dueOn: '2025-12-31', done: false });
  });

  it('has no assessment sheet', () => {
    expect(
      score(facts({ studio: { ...facts().studio, vetoed: true } }), '2025-06-30'),
    ).toMatchObject({ items: [], grade: null, maxTotal: 0 });
  });
});
