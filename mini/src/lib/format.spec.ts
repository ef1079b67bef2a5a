import { daysBetween, isIsoDate as isISODate } from '@master-studio/shared-rules';
import { dueText, formatDate, formatMoney, percent, todayISO } from './format';

describe('format', () => {
  it('todayISO uses the device date with zero padding', () => {
    expect(todayISO(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
  it('isISODate rejects impossible dates', () => {
    expect(isISODate('2025-02-28')).toBe(true);
    expect(isISODate('2025-02-29')).toBe(false);
    expect(isISODate('2024-02-29')).toBe(true);
    expect(isISODate('2025-2-1')).toBe(false);
  });
  it('daysBetween counts calendar days across month ends and DST-free', () => {
    expect(daysBetween('2025-02-27', '2025-03-01')).toBe(2);
    expect(daysBetween('2025-03-01', '2025-02-27')).toBe(-2);
  });
  it('formatDate writes Chinese dates', () => {
    expect(formatDate('2025-03-01')).toBe('2025年3月1日');
    expect(formatDate(null)).toBe('—');
  });
  it('formatMoney groups thousands and keeps cents', () => {
    expect(formatMoney(60000)).toBe('¥60,000');
    expect(formatMoney(1234567.5)).toBe('¥1,234,567.50');
    expect(formatMoney(-15000)).toBe('-¥15,000');
  });
  it('dueText reads days left, today and overdue', () => {
    expect(dueText('2025-12-31', '2025-12-19')).toBe('还剩 12 天');
    expect(dueText('2025-12-31', '2025-12-31')).toBe('今天截止');
    expect(dueText('2025-12-31', '2026-01-03')).toBe('已逾期 3 天');
  });
  it('percent is clamped to 0..100', () => {
    expect(percent(2, 5)).toBe(40);
    expect(percent(7, 5)).toBe(100);
    expect(percent(0, 0)).toBe(100);
  });
});
