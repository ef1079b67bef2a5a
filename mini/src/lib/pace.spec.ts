import { paceOf } from './pace';

const year = { from: '2025-01-01', to: '2025-12-31' };

describe('paceOf', () => {
  it('is met when the tally reaches the requirement', () => {
    expect(paceOf({ required: 3, actual: 3, met: true, period: year }, '2025-03-01').status).toBe('met');
  });
  it('is on track when the tally is at or above an even pace', () => {
    const p = paceOf({ required: 100, actual: 50, met: false, period: year }, '2025-06-30');
    expect(p.expected).toBe(50);
    expect(p.status).toBe('on_track');
  });
  it('is behind when below an even pace', () => {
    expect(paceOf({ required: 100, actual: 30, met: false, period: year }, '2025-06-30').status).toBe('behind');
  });
  it('is at risk late in the period with less than half the even pace', () => {
    const p = paceOf({ required: 100, actual: 20, met: false, period: year }, '2025-11-15');
    expect(p.status).toBe('at_risk');
    expect(p.daysLeft).toBe(46);
  });
  it('is at risk when the period is over and not met', () => {
    expect(paceOf({ required: 5, actual: 4, met: false, period: { from: '2024-03-01', to: '2026-02-28' } }, '2026-02-28').status).toBe('at_risk');
  });
  it('without a period reads met or behind', () => {
    expect(paceOf({ required: 2, actual: 1, met: false }, '2025-06-30').status).toBe('behind');
  });
});
