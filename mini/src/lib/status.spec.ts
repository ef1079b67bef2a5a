import { overallPace } from './status';

describe('overallPace', () => {
  it('is the worst target: behind outranks at_risk', () => {
    expect(overallPace(['met', 'at_risk', 'behind'])).toBe('behind');
    expect(overallPace(['behind', 'at_risk'])).toBe('behind');
    expect(overallPace(['met', 'at_risk'])).toBe('at_risk');
  });

  it('does not call a studio met while a target is only on track', () => {
    expect(overallPace(['met', 'on_track', 'met'])).toBe('on_track');
    expect(overallPace(['met', 'met'])).toBe('met');
  });

  it('treats an unknown status as at risk and no targets as no badge', () => {
    expect(overallPace(['met', 'mystery'])).toBe('at_risk');
    expect(overallPace([])).toBeNull();
  });
});
