import { signoffOpensOn, signoffTooEarlyReason } from './signoff';

describe('signoffOpensOn', () => {
  it('answers the date of an activity dated after asOf', () => {
    expect(signoffOpensOn('activity', { date: '2027-03-01' }, '2027-02-28')).toBe('2027-03-01');
  });
  it('answers null on or after the day it happened', () => {
    expect(signoffOpensOn('activity', { date: '2027-03-01' }, '2027-03-01')).toBeNull();
    expect(signoffOpensOn('certificate', { awardedOn: '2025-01-01' }, '2026-01-01')).toBeNull();
  });
  it('reads the kind’s first dated-by field and ignores kinds without one', () => {
    expect(signoffOpensOn('certificate', { awardedOn: '2030-01-01' }, '2026-01-01')).toBe(
      '2030-01-01',
    );
    expect(signoffOpensOn('member', { date: '2030-01-01' }, '2026-01-01')).toBeNull();
  });
});

describe('signoffTooEarlyReason', () => {
  it('names the record and its date in Chinese', () => {
    expect(signoffTooEarlyReason('activity', '2027-03-01')).toBe(
      '该活动的日期是2027年3月1日，当天起才能确认',
    );
  });
});
