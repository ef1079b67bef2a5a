import { evaluate, score } from '../index.js';
import { members, studioFacts } from '../test-support/factories.js';
import type { Facts } from '../types.js';
import { yuzhong2023 } from './yuzhong-2023.js';

const facts = (o: Partial<Facts> = {}): Facts =>
  studioFacts('yuzhong-2023', {
    members: members(2),
    funds: [{ source: 'unit_matching', amount: 50_000, date: '2024-03-10' }],
    ...o,
  });
const rules = (f: Facts, asOf = '2025-06-30') =>
  evaluate(f, asOf).findings.map((x) => `${x.rule}:${x.severity}`);

describe(yuzhong2023.id, () => {
  describe('assessmentTotal on the 120-point scale', () => {
    it.each([
      [120, 'pass'],
      [75, 'pass'],
      [74.5, 'fail'],
      [74, 'fail'],
      [0, 'fail'],
    ])('grades %d as %s', (total, grade) => {
      expect(score(facts({ assessmentTotal: total }), '2025-06-30')).toMatchObject({
        items: [],
        total,
        maxTotal: 120,
        grade,
        complete: true,
      });
    });
    it('fails a vetoed studio and leaves a missing total ungraded', () => {
      expect(
        score(
          facts({ assessmentTotal: 100, studio: { ...facts().studio, vetoed: true } }),
          '2025-06-30',
        ).grade,
      ).toBe('fail');
      expect(score(facts(), '2025-06-30')).toMatchObject({ complete: false, grade: null });
    });
  });

  describe('team of 3–15 including the leader', () => {
    it.each([
      [1, false],
      [2, true],
      [14, true],
      [15, false],
    ])('%d members → met %s', (n, met) => {
      const t = evaluate(facts({ members: members(n, 'technician', false) }), '2025-06-30')
        .targets[0]!;
      expect(t).toMatchObject({ id: 'team_size', actual: n + 1, met, required: 3, max: 15 });
    });
  });

  describe('findings', () => {
    it('advises on a leader over 55 (generally)', () => {
      const f = facts({ leader: { ...facts().leader, birthDate: '1970-07-01' } });
      expect(rules(f, '2026-06-30')).not.toContain('leader_age:advisory');
      expect(rules(f, '2026-07-01')).toContain('leader_age:advisory');
    });
    it('requires a technician leader and the district naming pattern', () => {
      const f = facts({
        leader: { ...facts().leader, skillLevel: 'senior' },
        studio: { ...facts().studio, name: '张三焊工技能大师工作室' },
      });
      expect(rules(f)).toEqual(
        expect.arrayContaining(['leader_level:required', 'studio_name:required']),
      );
    });
    it('advises on members below technician or with under 5 years', () => {
      expect(
        rules(facts({ members: [{ name: '甲', skillLevel: 'senior', fullTime: true }] })),
      ).toContain('member_qualification:advisory');
      expect(
        rules(
          facts({
            members: [{ name: '甲', skillLevel: 'technician', fullTime: true, yearsInTrade: 4 }],
          }),
        ),
      ).toContain('member_qualification:advisory');
      expect(rules(facts())).not.toContain('member_qualification:advisory');
    });
    it('requires unit matching of 50,000 and advises on a year without any', () => {
      expect(
        rules(facts({ funds: [{ source: 'unit_matching', amount: 49_999, date: '2024-03-10' }] })),
      ).toContain('matching_funds:required');
      expect(rules(facts(), '2024-12-31')).not.toContain('annual_matching:advisory');
      expect(rules(facts(), '2025-06-30')).toContain('annual_matching:advisory');
    });
    it('requires a dedicated ledger when fund rules are recorded as missing', () => {
      expect(rules(facts({ studio: { ...facts().studio, hasFundRules: false } }))).toContain(
        'fund_ledger:required',
      );
      expect(rules(facts())).not.toContain('fund_ledger:required');
    });
  });

  it("wants next year's plan by 31 December", () => {
    const late = facts({
      documents: [{ kind: 'annual_plan', year: 2026, submittedOn: '2026-01-02' }],
    });
    expect(evaluate(late, '2026-01-05').deadlines[0]).toMatchObject({
      id: 'annual_plan',
      dueOn: '2026-12-31',
      done: false,
    });
    // On 31 December the 2026 plan is due today (not overdue); the 2025 plan, due 2024-12-31 and
    // never filed, is overdue.
    expect(evaluate(late, '2025-12-31').deadlines.map((d) => [d.dueOn, d.done, d.overdue])).toEqual(
      [
        ['2024-12-31', false, true],
        ['2025-12-31', false, false],
      ],
    );
  });
});
