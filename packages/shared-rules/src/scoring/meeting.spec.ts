/** The reviewer's meeting form: overrides, the grade's possible range, and evidence by collection. */
import { score } from '../score.js';
import { evidenceRefs } from './evidence-refs.js';
import { gradeRange } from './grade.js';
import { FactsValidationError } from '../validation.js';
import { activity, studioFacts } from '../test-support/factories.js';

const AS_OF = '2025-06-30';

describe('overrides of an item', () => {
  it('gives G3 its full 10 with the reason when the facts say no ledger (拱墅 G3)', () => {
    const facts = studioFacts('gongshu-2020', {
      studio: {
        name: '张三焊工技能大师工作室',
        trade: '焊工',
        recognizedOn: '2024-03-01',
        hasFundRules: false,
      },
    });
    const before = score(facts, AS_OF);
    const g3 = before.items.find((i) => i.id === 'G3')!;
    expect(g3.score).toBe(0);
    const after = score(
      { ...facts, overrides: { G3: { score: 10, reason: '现场查看有经费台账' } } },
      AS_OF,
    );
    const o = after.items.find((i) => i.id === 'G3')!;
    expect(o.score).toBe(10);
    expect(o.basis).toBe('override');
    expect(o.override).toEqual({ fromScore: 0, fromBasis: 'auto', reason: '现场查看有经费台账' });
    expect(o.explanation).toContain('现场查看有经费台账');
    expect(o.basedOn).toContain('overrides.G3');
    expect(after.total).toBe(before.total + 10);
  });

  it('rejects an override above the maximum, of an unknown item, or without a reason', () => {
    const facts = studioFacts('gongshu-2020');
    expect(() => score({ ...facts, overrides: { G3: { score: 11, reason: 'x' } } }, AS_OF)).toThrow(
      FactsValidationError,
    );
    expect(() => score({ ...facts, overrides: { Z9: { score: 1, reason: 'x' } } }, AS_OF)).toThrow(
      /not an item/,
    );
    expect(() => score({ ...facts, overrides: { G3: { score: 1, reason: ' ' } } }, AS_OF)).toThrow(
      /reason/,
    );
  });
});

describe('gradeRange', () => {
  const t = [
    { grade: 'excellent' as const, min: 90 },
    { grade: 'pass' as const, min: 60 },
  ];
  it('is the grades from the total as it stands to the total with every pending item full', () => {
    expect(gradeRange(50, 95, t, false)).toEqual({ low: 'fail', high: 'excellent' });
    expect(gradeRange(70, 95, t, false)).toEqual({ low: 'pass', high: 'excellent' });
  });
  it('is null once settled, vetoed or ungraded', () => {
    expect(gradeRange(70, 80, t, false)).toBeNull();
    expect(gradeRange(50, 95, t, true)).toBeNull();
    expect(gradeRange(50, 95, null, false)).toBeNull();
  });
  it('is on a sheet with pending items instead of a definite 不合格 (urumqi-2023)', () => {
    const facts = studioFacts('urumqi-2023');
    const empty = score(facts, AS_OF);
    // Nothing recorded: even full marks on the pending items cannot pass, so 不合格 is definite.
    expect(empty.grade).toBe('fail');
    expect(empty.gradeRange).toBeNull();
    // Every computed item at half its marks (by override): the pending items decide the grade.
    const overrides = Object.fromEntries(
      empty.items
        .filter((i) => i.basis !== 'pending')
        .map((i) => [i.id, { score: i.max / 2, reason: '核实' }]),
    );
    const s = score({ ...facts, overrides }, AS_OF);
    expect(s.pending.length).toBeGreaterThan(0);
    expect(s.grade).toBeNull();
    expect(s.total).toBeLessThan(60);
    expect(s.gradeRange).toEqual({ low: 'fail', high: 'pass' });
  });
});

describe('evidenceRefs', () => {
  it('says which collection each record is from, even when ids are equal across collections', () => {
    const facts = studioFacts('gongshu-2020', {
      activities: [activity('tech_project', '2025-03-02', 10, '5')],
      achievements: [{ id: '5', kind: 'patent', date: '2025-04-01', level: 'national' }],
    });
    const refs = evidenceRefs(facts, AS_OF);
    expect(refs.G6).toEqual([
      { collection: 'activities', record: '5' },
      { collection: 'achievements', record: '5' },
    ]);
    // Fact paths are not records.
    expect(refs.G3).toEqual([]);
  });
});
