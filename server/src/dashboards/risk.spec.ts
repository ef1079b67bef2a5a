import type { Progress } from '@master-studio/shared-rules';
import { riskOf } from './risk';

const period = { from: '2025-01-01', to: '2025-12-31' };

describe('riskOf', () => {
  it('uses the status shared-rules reports', () => {
    const progress = {
      policyId: 'p',
      asOf: '2025-01-10',
      targets: [{ id: 't', required: 4, actual: 0, met: false, period, status: 'on_track' }],
      deadlines: [],
      findings: [],
    } as unknown as Progress;
    expect(riskOf(progress).targets.map((t) => t.status)).toEqual(['on_track']);
  });

  it('adds lagging targets, required findings and overdue deadlines', () => {
    const progress = {
      policyId: 'p',
      asOf: '2025-12-01',
      targets: [
        { id: 'a', required: 4, actual: 0, met: false, period, status: 'behind' },
        { id: 'b', required: 1, actual: 1, met: true, period, status: 'met' },
      ],
      deadlines: [{ id: 'annual_plan', dueOn: '2025-11-30', done: false }],
      findings: [
        { rule: 'team_size', severity: 'required', message: 'x' },
        { rule: 'leader_age', severity: 'advisory', message: 'y' },
      ],
    } as unknown as Progress; // only the fields riskOf reads
    const r = riskOf(progress);
    expect(r).toMatchObject({ risk: 3 + 2 + 1, requiredFindings: 1, overdueDeadlines: 1 });
    expect(r.targets.map((t) => t.status)).toEqual(['behind', 'met']);
  });
});
