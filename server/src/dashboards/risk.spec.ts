import type { Progress } from '../rules/contract';
import { riskOf, targetStatus } from './risk';

const period = { from: '2025-01-01', to: '2025-12-31' };

describe('targetStatus', () => {
  it('uses the status shared-rules reports', () => {
    expect(targetStatus({ id: 't', required: 4, actual: 0, met: false, period, status: 'on_track' }, '2025-01-10')).toBe('on_track');
  });

  it('falls back to pace against the share of the period gone by', () => {
    const t = { id: 't', required: 4, actual: 2, met: false, period };
    expect(targetStatus(t, '2025-06-01')).toBe('on_track'); // 2 of 4 done, 42% of the year gone
    expect(targetStatus(t, '2025-12-01')).toBe('at_risk'); // 2 of ~3.7 expected
    expect(targetStatus({ ...t, actual: 0 }, '2025-12-01')).toBe('behind');
    expect(targetStatus({ ...t, actual: 4, met: true }, '2025-02-01')).toBe('met');
  });
});

describe('riskOf', () => {
  it('adds lagging targets, required findings and overdue deadlines', () => {
    const progress: Progress = {
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
    };
    const r = riskOf(progress);
    expect(r).toMatchObject({ risk: 3 + 2 + 1, requiredFindings: 1, overdueDeadlines: 1 });
    expect(r.targets.map((t) => t.status)).toEqual(['behind', 'met']);
  });
});
