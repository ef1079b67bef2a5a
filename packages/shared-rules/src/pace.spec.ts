import { AT_RISK_RATIO, GRACE_FRACTION, pace } from './pace.js';

const year = { from: '2025-01-01', to: '2025-12-31' };

describe(pace.name, () => {
  it('is met as soon as actual reaches required', () => {
    expect(pace(100, 100, year, '2025-03-01').status).toBe('met');
  });
  it('projects at the current rate and reads on_track at or above the requirement', () => {
    const p = pace(50, 100, year, '2025-07-02'); // 183 of 365 days
    expect(p.projected).toBe(99.7);
    expect(p.status).toBe('at_risk');
    expect(pace(51, 100, year, '2025-07-02').status).toBe('on_track');
  });
  it('reads at_risk from 70% of the requirement and behind below it', () => {
    expect(AT_RISK_RATIO).toBe(0.7);
    expect(pace(36, 100, year, '2025-07-02').status).toBe('at_risk'); // projects 71.8
    expect(pace(34, 100, year, '2025-07-02').status).toBe('behind'); // projects 67.8
  });
  it('gives the first sixth of the period grace: at_risk, never behind', () => {
    expect(GRACE_FRACTION).toBeCloseTo(1 / 6);
    expect(pace(0, 100, year, '2025-02-15').status).toBe('at_risk');
    expect(pace(0, 100, year, '2025-03-15').status).toBe('behind');
  });
  it('rounds the projection down so 7.99 never reads as 8', () => {
    const p = pace(6, 8, year, '2025-10-01');
    expect(p.projected).toBe(7.9);
    expect(p.status).toBe('at_risk');
  });
  it('is met or behind once the period has ended, with no projection', () => {
    expect(pace(99, 100, year, '2025-12-31')).toEqual({ status: 'behind', elapsed: 1 });
    expect(pace(100, 100, year, '2026-02-01')).toEqual({ status: 'met', elapsed: 1 });
  });
  it('is met or behind for standing conditions without a period', () => {
    expect(pace(2, 3, undefined, '2025-01-01').status).toBe('behind');
  });
});
