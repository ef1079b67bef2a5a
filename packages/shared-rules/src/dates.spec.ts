import {
  addDays,
  addMonths,
  addYears,
  ageInYears,
  dayNumber,
  fromDayNumber,
  isIsoDate,
  monthsBetween,
} from './dates.js';
import { cycleContaining, yearsTouched } from './periods.js';

describe('dates', () => {
  describe(isIsoDate.name, () => {
    it('accepts real dates and rejects impossible or badly written ones', () => {
      expect(isIsoDate('2024-02-29')).toBe(true);
      expect(isIsoDate('2025-02-29')).toBe(false);
      expect(isIsoDate('2025-02-30')).toBe(false);
      expect(isIsoDate('2025-13-01')).toBe(false);
      expect(isIsoDate('2025-1-01')).toBe(false);
      expect(isIsoDate('2025-01-01T00:00')).toBe(false);
      expect(isIsoDate(20250101)).toBe(false);
    });
  });
  describe('day numbers', () => {
    it('round-trips every day over several leap cycles', () => {
      for (let d = dayNumber('1899-12-25'); d < dayNumber('2101-01-05'); d += 1) {
        expect(dayNumber(fromDayNumber(d))).toBe(d);
      }
      expect(dayNumber('1970-01-01')).toBe(0);
      expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
      expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    });
  });
  describe(addMonths.name, () => {
    it('clamps to the end of shorter months', () => {
      expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
      expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
      expect(addMonths('2026-03-01', -3)).toBe('2025-12-01');
      expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    });
  });
  describe(monthsBetween.name, () => {
    it('counts whole months both ways', () => {
      expect(monthsBetween('2025-01-15', '2025-02-14')).toBe(0);
      expect(monthsBetween('2025-01-15', '2025-02-15')).toBe(1);
      expect(monthsBetween('2025-06-30', '2025-05-31')).toBe(0);
      expect(monthsBetween('2025-06-30', '2025-05-30')).toBe(-1);
      expect(ageInYears('1970-06-15', '2025-06-14')).toBe(54);
      expect(ageInYears('1970-06-15', '2025-06-15')).toBe(55);
    });
  });
  describe(cycleContaining.name, () => {
    it('runs 2-year cycles back to back from recognition', () => {
      expect(cycleContaining('2024-03-01', 2, '2025-06-30')).toEqual({
        from: '2024-03-01',
        to: '2026-02-28',
        index: 0,
      });
      expect(cycleContaining('2024-03-01', 2, '2026-02-28')).toMatchObject({
        from: '2024-03-01',
        to: '2026-02-28',
      });
      expect(cycleContaining('2024-03-01', 2, '2026-03-01')).toEqual({
        from: '2026-03-01',
        to: '2028-02-29',
        index: 1,
      });
      expect(cycleContaining('2024-03-01', 2, '2031-01-01')).toMatchObject({
        from: '2030-03-01',
        index: 3,
      });
      expect(cycleContaining('2024-03-01', 2, '2023-01-01')).toMatchObject({
        from: '2024-03-01',
        index: 0,
      });
      expect(cycleContaining('2024-02-29', 2, '2026-02-28')).toMatchObject({
        from: '2026-02-28',
        index: 1,
      });
    });
  });
  describe(yearsTouched.name, () => {
    it('clips each calendar year to the period and to asOf', () => {
      expect(yearsTouched({ from: '2024-03-01', to: '2026-02-28' }, '2025-06-30')).toEqual([
        { from: '2024-03-01', to: '2024-12-31' },
        { from: '2025-01-01', to: '2025-06-30' },
      ]);
      expect(yearsTouched({ from: '2024-03-01', to: '2026-02-28' }, '2024-01-01')).toEqual([]);
    });
  });
});
