import { evaluate } from '@master-studio/shared-rules';
import type { Facts, Progress } from './facts';
import { diffProgress, isEmptyDiff, withDraft } from './preview';

// A shunyi-2023 studio (≥ 100 person-times a year), evaluated by the real shared-rules.
const facts: Facts = {
  policyId: 'shunyi-2023',
  studio: { name: '张三焊工技能大师工作室', trade: '焊工', recognizedOn: '2024-03-01' },
  leader: { name: '张三', birthDate: '1975-06-01', retirementCategory: 'male', skillLevel: 'senior_technician', fullTime: true },
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
    const next = withDraft(facts, { type: 'activity', record: { id: 'draft', kind: 'training', date: '2025-06-01', attendance: 20 } });
    expect(next.activities).toHaveLength(2);
    expect(facts.activities).toHaveLength(1);
    expect(withDraft(facts, { type: 'fund', record: { source: 'grant', amount: 1, date: '2025-01-01' } }).funds).toHaveLength(1);
  });
});

describe('diffProgress (with shared-rules evaluate)', () => {
  it('shows person-times moving and the target becoming met when an activity is added', () => {
    const before = evaluate(facts, asOf);
    const after = evaluate(withDraft(facts, { type: 'activity', record: { id: 'draft', kind: 'training', date: '2025-06-01', attendance: 20 } }), asOf);
    const d = diffProgress(before, after);
    const pt = d.changes.find((c) => c.id === 'person_times');
    expect(pt).toMatchObject({ before: 90, after: 110, delta: 20, nowMet: true });
    expect(target(after, 'person_times')?.met).toBe(true);
  });

  it('clears the team-size finding when a third full-time member is added', () => {
    const before = evaluate(facts, asOf);
    const after = evaluate(withDraft(facts, { type: 'member', record: { name: '丙', skillLevel: 'technician', fullTime: true } }), asOf);
    const d = diffProgress(before, after);
    expect(before.findings.some((f) => f.rule === 'team_size')).toBe(true);
    expect(d.findingsCleared.length).toBeGreaterThan(0);
    expect(after.findings.some((f) => f.rule === 'team_size')).toBe(false);
  });

  it('is empty for a record dated after asOf (a plan, not a result)', () => {
    const before = evaluate(facts, asOf);
    const after = evaluate(withDraft(facts, { type: 'activity', record: { id: 'draft', kind: 'training', date: '2025-09-01', attendance: 50 } }), asOf);
    expect(isEmptyDiff(diffProgress(before, after))).toBe(true);
  });
});
