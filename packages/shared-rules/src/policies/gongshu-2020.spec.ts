import { evaluate, score } from '../index.js';
import { activity, apprentice, cert, members, studioFacts } from '../test-support/factories.js';
import type { Achievement, Facts } from '../types.js';
import { gongshu2020 } from './gongshu-2020.js';

const full = {
  areaSqm: 40,
  hasSign: true,
  hasHonoursBoard: true,
  rulesPosted: true,
  dutiesDefined: true,
  hasEquipment: true,
  hasFundRules: true,
};
const facts = (o: Partial<Facts> = {}): Facts => {
  const f = studioFacts('gongshu-2020', { members: members(3), ...o });
  return {
    ...f,
    studio: { ...f.studio, recognizedOn: '2023-05-01', ...full, ...(o.studio ?? {}) },
  };
};
const items = (f: Facts, asOf = '2025-10-01') =>
  Object.fromEntries(score(f, asOf).items.map((i) => [i.id, i]));
const rules = (f: Facts, asOf = '2025-10-01') =>
  evaluate(f, asOf).findings.map((x) => `${x.rule}:${x.severity}`);
const ach = (
  id: string,
  kind: Achievement['kind'],
  level: Achievement['level'],
  date = '2025-03-01',
): Achievement => ({ id, kind, date, level });

describe(gongshu2020.id, () => {
  it('reports the items as written: base 80, bonus 10, no grade', () => {
    const s = score(facts(), '2025-10-01');
    expect(s).toMatchObject({ maxTotal: 90, base: { max: 80 }, bonus: { max: 10 }, grade: null });
    expect(s.items.map((i) => i.id)).toEqual([
      'G1',
      'G2',
      'G3',
      'G4',
      'G5',
      'G6',
      'G7',
      'G8',
      'G9',
      'G10',
      'G11',
      'GB1',
      'GB2',
      'GB3',
    ]);
  });

  describe('G1–G4 checklist', () => {
    it('G1: none 0; sign −2; honours board −3; pending when not recorded', () => {
      expect(items(facts({ studio: { ...facts().studio, areaSqm: null } })).G1!.score).toBe(0);
      expect(
        items(facts({ studio: { ...facts().studio, hasSign: false, hasHonoursBoard: false } })).G1!
          .score,
      ).toBe(5);
      expect(items(facts({ studio: { ...facts().studio, hasSign: null } })).G1!.basis).toBe(
        'pending',
      );
    });
    it('G2: −5 when equipment is short; G3: 0 without fund rules; G4: −2 when not posted', () => {
      const i = items(
        facts({
          studio: {
            ...facts().studio,
            hasEquipment: false,
            hasFundRules: false,
            rulesPosted: false,
          },
        }),
      );
      expect([i.G2!.score, i.G3!.score, i.G4!.score]).toEqual([0, 0, 3]);
      expect(items(facts({ studio: { ...facts().studio, dutiesDefined: false } })).G4!.score).toBe(
        0,
      );
    });
  });

  describe('G5–G9 judged; none: 0', () => {
    it('takes the judgment only when the activity exists in the term', () => {
      const f = facts({
        activities: [activity('renovation', '2024-01-01')],
        judgments: { G5: 3, G7: 5, G6: 12 },
      });
      const i = items(f);
      expect(i.G5).toMatchObject({ score: 3, basis: 'judged' });
      expect(i.G7).toMatchObject({ score: 0, basis: 'auto' });
      expect(i.G6).toMatchObject({ score: 10, basis: 'judged' });
      expect(i.G8).toMatchObject({ score: 0, basis: 'auto' });
      expect(
        items(facts({ activities: [activity('school_cooperation', '2025-01-01')] })).G9!.basis,
      ).toBe('pending');
    });
  });

  describe('G10 apprentices mentored', () => {
    it('deducts 2 without a roster and 1 per apprentice short', () => {
      expect(items(facts()).G10!.score).toBe(0);
      const eight = Array.from({ length: 8 }, (_, i) => apprentice(`p${i}`, '2025-01-01'));
      expect(items(facts({ apprentices: eight })).G10!.score).toBe(10);
      expect(items(facts({ apprentices: eight.slice(0, 5) })).G10!.score).toBe(7);
    });
    it('needs an agreement by year end and on or before asOf', () => {
      const f = facts({
        apprentices: [
          apprentice('p1', '2025-01-01', { agreementSignedOn: null }),
          apprentice('p2', '2025-01-01', { agreementSignedOn: '2025-10-02' }),
        ],
      });
      const t = evaluate(f, '2025-10-01').targets.find((x) => x.id === 'apprentices_mentored')!;
      expect(t.actual).toBe(0);
      expect(t.excluded.map((e) => e.reason)).toEqual(['no_agreement', 'after_as_of']);
    });
  });

  describe('G11 high-skill talents', () => {
    it('scores 0 when none trained, even when judged; −3 per talent short', () => {
      expect(items(facts({ judgments: { G11: 8 } })).G11).toMatchObject({
        score: 0,
        basis: 'auto',
      });
      const f = facts({
        apprentices: [apprentice('p1', '2025-01-01')],
        certificates: [cert('p1', 'senior', '2025-01-01')],
      });
      expect(items(f).G11!.score).toBe(4);
    });
  });

  describe('bonus', () => {
    it('GB1 +1 technician, +2 senior technician, capped at 5', () => {
      const ids = ['a', 'b', 'c'];
      const f = facts({
        apprentices: ids.map((id) => apprentice(id, '2024-01-01')),
        certificates: ids.map((id) => cert(id, 'senior_technician', '2025-02-01')),
      });
      expect(items(f).GB1!.score).toBe(5);
    });
    it('GB2 +2 per national patent, +1 per city-or-higher award, capped at 3; GB3 any city report', () => {
      const f = facts({
        achievements: [
          ach('r1', 'patent', 'provincial'),
          ach('r2', 'award', 'district'),
          ach('r3', 'award', 'city'),
          ach('r4', 'media', 'national'),
          ach('r5', 'patent', 'national', '2024-12-31'),
        ],
      });
      const i = items(f);
      expect(i.GB2!.score).toBe(1);
      expect(i.GB3!.score).toBe(2);
    });
  });

  describe('findings', () => {
    it('advises when the leader is under 3 years from retirement', () => {
      // female cadre born 1972-08-01 retires 2028-04-01
      const f = facts({
        leader: { ...facts().leader, birthDate: '1972-08-01', retirementCategory: 'female_cadre' },
      });
      expect(rules(f, '2025-04-01')).not.toContain('leader_retirement:advisory');
      expect(rules(f, '2025-04-02')).toContain('leader_retirement:advisory');
    });
    it('counts all members for the team, full-time or not', () => {
      expect(rules(facts({ members: members(3, 'senior', false) }))).not.toContain(
        'team_size:required',
      );
      expect(rules(facts({ members: members(2) }))).toContain('team_size:required');
    });
    it('accepts the trade without its 师/工 ending in the name', () => {
      const f = facts({ studio: { ...facts().studio, name: '张三焊技能大师工作室' } });
      expect(rules(f)).not.toContain('studio_name:required');
    });
    it('fails a vetoed studio', () => {
      expect(
        score(facts({ studio: { ...facts().studio, vetoed: true } }), '2025-10-01').grade,
      ).toBe('fail');
    });
  });
});
