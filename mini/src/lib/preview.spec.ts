import { evaluate } from '@master-studio/shared-rules';
import type { Facts, Progress } from './facts';
import { diffProgress, isEmptyDiff, withDraft, withEdit } from './preview';

// A shunyi-2023 studio (≥ 100 person-times a year), evaluated by the real shared-rules.
const facts: Facts = {
  policyId: 'shunyi-2023',
  studio: { name: '张三焊工技能大师工作室', trade: '焊工', recognizedOn: '2024-03-01' },
  leader: {
    name: '张三',
    birthDate: '1975-06-01',
    retirementCategory: 'male',
    skillLevel: 'senior_technician',
    fullTime: true,
  },
  members: [
    { name: '甲', skillLevel: 'technician', fullTime: true },
    { name: '乙', skillLevel: 'technician', fullTime: true },
  ],
  apprentices: [],
  certificates: [],
  activities: [{ id: 'e1', kind: 'training', date: '2025-01-02', attendance: 90 }],
  achievements: [],
  funds: [],
  documents: [],
};
const asOf = '2025-06-30';
const target = (p: Progress, id: string) => p.targets.find((t) => t.id === id);

describe('withDraft', () => {
  it('adds the draft to a copy and leaves the original facts alone', () => {
    const next = withDraft(facts, {
      type: 'activity',
      record: { id: 'draft', kind: 'training', date: '2025-06-01', attendance: 20 },
    });
    expect(next.activities).toHaveLength(2);
    expect(facts.activities).toHaveLength(1);
    expect(
      withDraft(facts, { type: 'fund', record: { source: 'grant', amount: 1, date: '2025-01-01' } })
        .funds,
    ).toHaveLength(1);
  });
});

describe('diffProgress (with shared-rules evaluate)', () => {
  it('shows person-times moving and the target becoming met when an activity is added', () => {
    const before = evaluate(facts, asOf);
    const after = evaluate(
      withDraft(facts, {
        type: 'activity',
        record: { id: 'draft', kind: 'training', date: '2025-06-01', attendance: 20 },
      }),
      asOf,
    );
    const d = diffProgress(before, after);
    const pt = d.changes.find((c) => c.id === 'person_times');
    expect(pt).toMatchObject({ before: 90, after: 110, delta: 20, nowMet: true });
    expect(target(after, 'person_times')?.met).toBe(true);
  });

  it('clears the team-size finding when a third full-time member is added', () => {
    const before = evaluate(facts, asOf);
    const after = evaluate(
      withDraft(facts, {
        type: 'member',
        record: { name: '丙', skillLevel: 'technician', fullTime: true },
      }),
      asOf,
    );
    const d = diffProgress(before, after);
    expect(before.findings.some((f) => f.rule === 'team_size')).toBe(true);
    expect(d.findingsCleared.length).toBeGreaterThan(0);
    expect(after.findings.some((f) => f.rule === 'team_size')).toBe(false);
  });

  it('is empty for a record dated after asOf (a plan, not a result)', () => {
    const before = evaluate(facts, asOf);
    const after = evaluate(
      withDraft(facts, {
        type: 'activity',
        record: { id: 'draft', kind: 'training', date: '2025-09-01', attendance: 50 },
      }),
      asOf,
    );
    expect(isEmptyDiff(diffProgress(before, after))).toBe(true);
  });
});

describe('diffProgress around the turn of the year', () => {
  it("a late report settles last year's overdue deadline without calling it done", () => {
    const jan = '2026-01-05';
    const before = evaluate(facts, jan);
    expect(before.deadlines.filter((d) => d.overdue).map((d) => d.dueOn)).toEqual(['2025-12-31']);
    const after = evaluate(
      withDraft(facts, {
        type: 'document',
        record: { kind: 'annual_summary', year: 2025, submittedOn: '2026-01-05' },
      }),
      jan,
    );
    const d = diffProgress(before, after);
    expect(d.overdueCleared).toEqual(['annual_summary']);
    expect(d.deadlinesDone).toEqual([]);
    expect(isEmptyDiff(d)).toBe(false);
  });
});

describe('withEdit (an edit replaces the record, it does not add a second one)', () => {
  // A gongshu-2020 studio: 带徒 counts apprentices with an agreement; 高技能人才 counts senior certificates while on the roster.
  const g: Facts = {
    ...facts,
    policyId: 'gongshu-2020',
    apprentices: [
      {
        id: '11',
        name: '王五',
        joinedOn: '2025-01-10',
        agreementSignedOn: '2025-01-10',
        leftOn: null,
      },
      { id: '12', name: '赵六', joinedOn: '2025-02-01', agreementSignedOn: null, leftOn: null },
    ],
    certificates: [{ id: '31', apprenticeId: '11', level: 'senior', awardedOn: '2025-05-01' }],
    funds: [{ id: '41', source: 'grant', amount: 1000, date: '2025-03-01' }],
  };
  const value = (f: Facts, id: string) => target(evaluate(f, asOf), id)?.actual;

  it('replaces the apprentice in place, keeping its id so its certificates still point at it', () => {
    const next = withEdit(
      g,
      { type: 'apprentice', id: '11' },
      {
        type: 'apprentice',
        record: {
          id: 'draft',
          name: '王五',
          joinedOn: '2025-01-10',
          agreementSignedOn: '2025-01-10',
          leftOn: '2025-04-01',
        },
      },
    );
    expect(next.apprentices).toHaveLength(2);
    expect(next.apprentices[0]).toMatchObject({ id: '11', leftOn: '2025-04-01' });
    expect(g.apprentices[0]?.leftOn).toBeNull();
  });

  it('setting leftOn before the certificate date lowers high_skill_talents', () => {
    const edited = withEdit(
      g,
      { type: 'apprentice', id: '11' },
      {
        type: 'apprentice',
        record: {
          id: 'draft',
          name: '王五',
          joinedOn: '2025-01-10',
          agreementSignedOn: '2025-01-10',
          leftOn: '2025-04-01',
        },
      },
    );
    expect(value(g, 'high_skill_talents')).toBe(1);
    expect(value(edited, 'high_skill_talents')).toBe(0);
    const d = diffProgress(evaluate(g, asOf), evaluate(edited, asOf));
    expect(d.changes.find((c) => c.id === 'high_skill_talents')).toMatchObject({
      before: 1,
      after: 0,
      delta: -1,
    });
  });

  it('setting agreementSignedOn raises the apprentices that count', () => {
    const edited = withEdit(
      g,
      { type: 'apprentice', id: '12' },
      {
        type: 'apprentice',
        record: {
          id: 'draft',
          name: '赵六',
          joinedOn: '2025-02-01',
          agreementSignedOn: '2025-03-01',
          leftOn: null,
        },
      },
    );
    expect(value(g, 'apprentices_mentored')).toBe(1);
    expect(value(edited, 'apprentices_mentored')).toBe(2);
    // Re-saving 王五 unchanged: adding would count him twice, replacing does not.
    const wang = {
      id: 'draft',
      name: '王五',
      joinedOn: '2025-01-10',
      agreementSignedOn: '2025-01-10',
      leftOn: null,
    };
    expect(value(withDraft(g, { type: 'apprentice', record: wang }), 'apprentices_mentored')).toBe(
      2,
    );
    expect(
      value(
        withEdit(g, { type: 'apprentice', id: '11' }, { type: 'apprentice', record: wang }),
        'apprentices_mentored',
      ),
    ).toBe(1);
    expect(
      withEdit(
        g,
        { type: 'apprentice', id: '12' },
        {
          type: 'apprentice',
          record: {
            id: 'x',
            name: '赵六',
            joinedOn: '2025-02-01',
            agreementSignedOn: '2025-03-01',
          },
        },
      ).apprentices,
    ).toHaveLength(2);
  });

  it('removes the record when the edited one no longer counts (income turned spending) or is deleted', () => {
    expect(withEdit(g, { type: 'fund', id: '41' }, null).funds).toEqual([]);
    expect(
      withEdit(
        g,
        { type: 'fund', id: '41' },
        { type: 'fund', record: { source: 'grant', amount: 5, date: '2025-03-01' } },
      ).funds,
    ).toEqual([{ id: '41', source: 'grant', amount: 5, date: '2025-03-01' }]);
  });

  it('matches members by name (Facts members carry no id) and activities by id', () => {
    const m = withEdit(
      facts,
      { type: 'member', id: '5', name: '甲' },
      { type: 'member', record: { name: '甲', skillLevel: 'senior_technician', fullTime: false } },
    );
    expect(m.members).toEqual([
      { name: '甲', skillLevel: 'senior_technician', fullTime: false },
      facts.members[1],
    ]);
    const a = withEdit(
      facts,
      { type: 'activity', id: 'e1' },
      {
        type: 'activity',
        record: { id: 'draft', kind: 'training', date: '2025-01-03', attendance: 95 },
      },
    );
    expect(a.activities).toEqual([
      { id: 'e1', kind: 'training', date: '2025-01-03', attendance: 95 },
    ]);
    expect(target(evaluate(a, asOf), 'person_times')?.actual).toBe(95);
  });
});
