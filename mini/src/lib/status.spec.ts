import { overallPace, studioBadge, targetStatus } from './status';

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

describe('targetStatus', () => {
  const t = { met: false, status: 'at_risk', period: { to: '2027-02-28' } };
  it('says the status shared-rules computed, with the deadline, the same wherever it is shown', () => {
    expect(targetStatus(t, '2026-12-01')).toEqual({
      status: 'at_risk',
      text: '有风险',
      due: '截至 2027年2月28日（还剩 89 天）',
    });
    expect(targetStatus({ ...t, met: true }, '2026-12-01').text).toBe('已达标');
    expect(targetStatus({ met: false, status: 'on_track', period: null }, '2026-12-01').due).toBe(
      '长期要求',
    );
  });
});

describe('studioBadge', () => {
  it('counts the targets that share the studio’s worst status, so it is not read as one target’s', () => {
    expect(studioBadge(['met', 'at_risk', 'on_track', 'at_risk'])).toEqual({
      status: 'at_risk',
      text: '2 项有风险',
    });
    expect(studioBadge(['met', 'on_track'])).toEqual({ status: 'on_track', text: '进度正常' });
    expect(studioBadge(['met'])).toEqual({ status: 'met', text: '全部达标' });
    expect(studioBadge([])).toBeNull();
  });
});
