import { signoffState } from './signoff';

describe('signoffState', () => {
  it('reads a confirmed record from its view, so a reload still shows who confirmed it', () => {
    const s = signoffState(
      'activity',
      { date: '2025-09-01', signoff: { signedBy: '王主任', signedAt: '2025-09-02T02:05:00.000Z' } },
      '2025-09-10',
    );
    expect(s.state).toBe('signed');
    expect(s.text).toMatch(/^王主任 9月2日 \d\d:05 确认$/);
  });

  it('waits for the unit when there is no sign-off', () => {
    expect(signoffState('activity', { date: '2025-09-01', signoff: null }, '2025-09-10')).toEqual({
      state: 'waiting',
      text: '待单位确认',
    });
  });

  it('gives the server’s reason for an activity dated after today', () => {
    expect(signoffState('activity', { date: '2025-09-11', signoff: null }, '2025-09-10')).toEqual({
      state: 'early',
      text: '该活动的日期是2025年9月11日，当天起才能确认',
    });
  });
});
