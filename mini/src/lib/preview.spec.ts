import type { Facts, Progress } from './facts';
import { diffProgress, isEmptyDiff, withDraft } from './preview';

const facts: Facts = {
  policyId: 'shunyi-2023',
  studio: { name: 'x', trade: '焊工', recognizedOn: '2024-03-01' },
  leader: {},
  members: [],
  apprentices: [],
  certificates: [],
  activities: [{ id: 'e1', kind: 'training', date: '2025-01-02', attendance: 10 }],
  achievements: [],
  funds: [],
  documents: [],
};

const progress = (actual: number, met: boolean, planDone = false, findings: Progress['findings'] = []): Progress => ({
  policyId: 'shunyi-2023',
  asOf: '2025-06-30',
  targets: [
    { id: 'person_times', required: 100, actual, met },
    { id: 'team_size', required: 3, actual: 3, met: true },
  ],
  deadlines: [{ id: 'annual_summary', dueOn: '2025-12-31', done: planDone }],
  findings,
});

describe('withDraft', () => {
  it('adds the draft to a copy and leaves the original facts alone', () => {
    const next = withDraft(facts, { type: 'activity', record: { id: 'draft', kind: 'training', date: '2025-06-01', attendance: 20 } });
    expect(next.activities).toHaveLength(2);
    expect(facts.activities).toHaveLength(1);
    expect(withDraft(facts, { type: 'fund', record: { source: 'grant', amount: 1, date: '2025-01-01' } }).funds).toHaveLength(1);
  });
});

describe('diffProgress', () => {
  it('lists only targets that move, and flags the one that becomes met', () => {
    const d = diffProgress(progress(90, false), progress(110, true));
    expect(d.changes).toEqual([{ id: 'person_times', required: 100, before: 90, after: 110, delta: 20, nowMet: true }]);
  });
  it('reports deadlines satisfied and findings cleared or added', () => {
    const f1 = { rule: 'team_size', severity: 'required' as const, message: '团队人数不足' };
    const f2 = { rule: 'inactivity', severity: 'required' as const, message: '超过一年无活动' };
    const d = diffProgress(progress(10, false, false, [f1]), progress(10, false, true, [f2]));
    expect(d.deadlinesDone).toEqual(['annual_summary']);
    expect(d.findingsCleared).toEqual(['团队人数不足']);
    expect(d.findingsAdded).toEqual(['超过一年无活动']);
  });
  it('is empty when nothing changes', () => {
    expect(isEmptyDiff(diffProgress(progress(10, false), progress(10, false)))).toBe(true);
  });
});
