import { evaluate, score } from '../index.js';
import { activity, apprentice, cert, members, studioFacts } from '../test-support/factories.js';
import type { Facts } from '../types.js';
import { urumqi2023 } from './urumqi-2023.js';

const facts = (o: Partial<Facts> = {}): Facts => studioFacts('urumqi-2023', o);
const item = (f: Facts, asOf: string, id: string) => score(f, asOf).items.find((i) => i.id === id)!;
const target = (f: Facts, asOf: string, id: string) =>
  evaluate(f, asOf).targets.find((t) => t.id === id)!;
const rules = (f: Facts, asOf: string) =>
  evaluate(f, asOf).findings.map((x) => `${x.rule}:${x.severity}`);

describe(urumqi2023.id, () => {
  describe('high_skill_talents (第四条, U18)', () => {
    const five = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const base = (awardedOn: string) =>
      facts({
        apprentices: five.map((id) => apprentice(id, '2024-03-01')),
        certificates: five.map((id) => cert(id, 'senior', awardedOn)),
      });

    it('counts certificates on the cycle boundaries and on the join day', () => {
      expect(target(base('2024-03-01'), '2026-02-28', 'high_skill_talents')).toMatchObject({
        actual: 5,
        met: true,
        status: 'met',
      });
      expect(item(base('2026-02-28'), '2026-02-28', 'U18').score).toBe(25);
    });
    it('moves to the next cycle the day after the last day', () => {
      const t = target(base('2026-02-28'), '2026-03-01', 'high_skill_talents');
      expect(t).toMatchObject({ actual: 0, period: { from: '2026-03-01', to: '2028-02-29' } });
      expect(t.excluded.every((e) => e.reason === 'outside_period')).toBe(true);
    });
    it('deducts 5 per talent short down to 0', () => {
      expect(item(facts(), '2025-06-30', 'U18')).toMatchObject({
        score: 0,
        basis: 'auto',
        lost: 25,
      });
    });
  });

  describe('U6 unit matching funds', () => {
    const withFunds = (...amounts: number[]) =>
      facts({
        funds: amounts.map((amount, i) => ({
          source: 'unit_matching' as const,
          amount,
          date: `2024-0${i + 4}-01`,
        })),
      });
    it('scores 0 with no matching funds, full at 100,000, proportionally between', () => {
      expect(item(facts(), '2025-06-30', 'U6').score).toBe(0);
      expect(item(withFunds(60_000, 40_000), '2025-06-30', 'U6').score).toBe(20);
      expect(item(withFunds(85_000), '2025-06-30', 'U6').score).toBe(17);
      expect(item(withFunds(1), '2025-06-30', 'U6').score).toBeCloseTo(0.0002, 9);
    });
    it('ignores grants, other cycles and funds after asOf', () => {
      const f = facts({
        funds: [
          { source: 'grant', amount: 100_000, date: '2024-03-15' },
          { source: 'unit_matching', amount: 50_000, date: '2026-03-01' },
          { source: 'unit_matching', amount: 50_000, date: '2025-07-01' },
        ],
      });
      expect(item(f, '2025-06-30', 'U6').score).toBe(0);
    });
  });

  describe('U7, U9 and the team', () => {
    it('U7: none 0, 30 m² full, smaller pending until judged', () => {
      expect(item(facts(), '2025-06-30', 'U7')).toMatchObject({ score: 0, basis: 'auto' });
      expect(
        item(facts({ studio: { ...facts().studio, areaSqm: 30 } }), '2025-06-30', 'U7').score,
      ).toBe(5);
      expect(
        item(facts({ studio: { ...facts().studio, areaSqm: 29 } }), '2025-06-30', 'U7').basis,
      ).toBe('pending');
    });
    it('U9: none 0, one member 2.5, two full; part-timers do not count', () => {
      expect(item(facts(), '2025-06-30', 'U9').score).toBe(0);
      expect(item(facts({ members: members(1) }), '2025-06-30', 'U9').score).toBe(2.5);
      expect(
        item(
          facts({ members: [...members(1), ...members(3, 'technician', false)] }),
          '2025-06-30',
          'U9',
        ).score,
      ).toBe(2.5);
      expect(item(facts({ members: members(2) }), '2025-06-30', 'U9').score).toBe(5);
    });
  });

  describe('U20 every calendar year the cycle touched', () => {
    it('needs an industry exchange in each year up to asOf', () => {
      const f = facts({ activities: [activity('industry_exchange', '2024-12-31')] });
      expect(item(f, '2024-12-31', 'U20').score).toBe(3);
      expect(item(f, '2025-01-01', 'U20').score).toBe(0);
      const g = facts({
        activities: [
          activity('industry_exchange', '2024-03-01'),
          activity('industry_exchange', '2025-01-01'),
        ],
      });
      expect(item(g, '2025-01-01', 'U20').score).toBe(3);
    });
    it('does not count an exchange before recognition for the first year', () => {
      const f = facts({ activities: [activity('industry_exchange', '2024-02-28')] });
      expect(item(f, '2024-06-30', 'U20').score).toBe(0);
    });
  });

  describe('judgments', () => {
    it('clamps judged items and lets a judgment lower but not raise a computed one', () => {
      const f = facts({
        studio: { ...facts().studio, dutiesDefined: true },
        judgments: { U10: 7, U11: -2, U1: 1, U18: 25 },
      });
      const s = score(f, '2025-06-30');
      const get = (id: string) => s.items.find((i) => i.id === id)!;
      expect(get('U10')).toMatchObject({ score: 3, basis: 'judged' });
      expect(get('U11')).toMatchObject({ score: 0, basis: 'judged' });
      expect(get('U1')).toMatchObject({ score: 1, basis: 'judged' });
      expect(get('U18')).toMatchObject({ score: 0, basis: 'auto' });
    });
    it('scores a none:0 item 0 even when judged', () => {
      expect(item(facts({ judgments: { U20: 3 } }), '2025-06-30', 'U20')).toMatchObject({
        score: 0,
        basis: 'auto',
      });
    });
  });

  describe('grade', () => {
    const all = { U10: 3, U11: 3, U12: 3, U13: 3, U14: 3, U19: 4 };
    const strong = (extra: Partial<Facts> = {}) => {
      const ids = ['a1', 'a2', 'a3', 'a4', 'a5'];
      return facts({
        studio: {
          ...facts().studio,
          areaSqm: 40,
          hasSign: true,
          hasHonoursBoard: true,
          rulesPosted: true,
          dutiesDefined: true,
          hasEquipment: true,
        },
        members: members(2),
        apprentices: ids.map((id) => apprentice(id, '2024-03-01')),
        certificates: ids.map((id) => cert(id, 'senior', '2025-01-01')),
        activities: [
          activity('industry_exchange', '2024-05-01'),
          activity('industry_exchange', '2025-02-01'),
          activity('training', '2024-06-01'),
          activity('social_service', '2024-07-01'),
        ],
        funds: [{ source: 'unit_matching', amount: 100_000, date: '2024-04-01' }],
        documents: [
          { kind: 'annual_plan', year: 2025, submittedOn: '2024-12-01' },
          { kind: 'mentoring_plan', year: 2025, submittedOn: '2024-12-01' },
        ],
        judgments: all,
        ...extra,
      });
    };
    it('reaches 100 and grades excellent at ≥ 90, pass at ≥ 60, fail below', () => {
      expect(score(strong(), '2025-06-30')).toMatchObject({
        total: 100,
        grade: 'excellent',
        complete: true,
      });
      expect(
        score(
          strong({ judgments: { ...all, U19: 0, U14: 3, U13: 0, U12: 0, U11: 3 } }),
          '2025-06-30',
        ),
      ).toMatchObject({ total: 90, grade: 'excellent' });
      expect(
        score(strong({ judgments: { ...all, U19: 0, U13: 0, U12: 0, U11: 2 } }), '2025-06-30'),
      ).toMatchObject({ total: 89, grade: 'pass' });
    });
    it('fails a vetoed studio whatever its score', () => {
      const f = strong();
      expect(score({ ...f, studio: { ...f.studio, vetoed: true } }, '2025-06-30')).toMatchObject({
        total: 100,
        grade: 'fail',
      });
    });
    it('gives a grade while items are pending only when every completion agrees', () => {
      expect(
        score(strong({ judgments: { U10: 3, U11: 3, U12: 3, U13: 3, U14: 3 } }), '2025-06-30'),
      ).toMatchObject({ complete: false, total: 96, grade: 'excellent' });
      expect(score(strong({ judgments: {} }), '2025-06-30')).toMatchObject({
        complete: false,
        total: 81,
        grade: null,
      });
    });
    it('counts bonus: UB1 0.5 per technician, 1 per senior technician, capped at 4', () => {
      const ids = Array.from({ length: 6 }, (_, i) => `t${i}`);
      const f = facts({
        apprentices: ids.map((id) => apprentice(id, '2024-03-01')),
        certificates: ids.map((id) => cert(id, 'senior_technician', '2025-01-01')),
      });
      expect(item(f, '2025-06-30', 'UB1').score).toBe(4);
      const g = facts({
        apprentices: [apprentice('x', '2024-03-01')],
        certificates: [cert('x', 'technician', '2025-01-01')],
      });
      expect(item(g, '2025-06-30', 'UB1').score).toBe(0.5);
    });
  });

  describe('findings', () => {
    it('leader_retirement is inclusive of exactly 2 years and required (第七条)', () => {
      // male born 1970-04-02 retires 2031-08-02 (61y4m)
      const f = facts({ leader: { ...facts().leader, birthDate: '1970-04-02' } });
      expect(rules(f, '2029-08-02')).not.toContain('leader_retirement:required');
      expect(rules(f, '2029-08-03')).toContain('leader_retirement:required');
    });
    it('inactivity: more than one year without an activity, within 4 years', () => {
      const f = facts({ activities: [activity('training', '2024-06-01')] });
      expect(rules(f, '2025-06-01')).toEqual(expect.not.arrayContaining(['inactivity:required']));
      expect(rules(f, '2025-06-01')).toContain('inactivity_risk:advisory');
      expect(rules(f, '2025-06-02')).toContain('inactivity:required');
      expect(rules(facts(), '2025-03-02')).toContain('inactivity:required');
      expect(rules(facts(), '2025-03-01')).not.toContain('inactivity:required');
    });
    it('checks the studio name pattern', () => {
      expect(
        rules(facts({ studio: { ...facts().studio, name: '张三工作室' } }), '2025-01-01'),
      ).toContain('studio_name:required');
      expect(rules(facts(), '2025-01-01')).not.toContain('studio_name:required');
    });
    it('leader below technician is required', () => {
      expect(
        rules(facts({ leader: { ...facts().leader, skillLevel: 'senior' } }), '2025-01-01'),
      ).toContain('leader_level:required');
    });
  });

  describe('deadlines', () => {
    it('puts the cycle assessment 3 months before the cycle ends, and the plan by 31 December', () => {
      const p = evaluate(
        facts({ documents: [{ kind: 'annual_plan', year: 2026, submittedOn: '2025-12-31' }] }),
        '2026-01-05',
      );
      const d = Object.fromEntries(p.deadlines.map((x) => [x.id, x]));
      expect(d.cycle_assessment).toMatchObject({ dueOn: '2025-11-30', done: false, overdue: true });
      expect(d.annual_plan).toMatchObject({ dueOn: '2026-12-31', done: false });
      const q = evaluate(
        facts({ documents: [{ kind: 'annual_plan', year: 2026, submittedOn: '2025-12-31' }] }),
        '2025-12-31',
      );
      // The plan for 2025 (due 2024-12-31) was never filed: still listed, overdue, before this year's.
      expect(
        q.deadlines.filter((x) => x.id === 'annual_plan').map((x) => [x.dueOn, x.done, x.overdue]),
      ).toEqual([
        ['2024-12-31', false, true],
        ['2025-12-31', true, false],
      ]);
    });
  });
});
