import {
  hasYearsBeforeRetirement,
  retirementDelayMonths,
  statutoryRetirement,
} from './retirement.js';

describe('statutory retirement (渐进式延迟法定退休年龄)', () => {
  describe(statutoryRetirement.name, () => {
    it.each([
      // male: 60 → 63, +1 month per 4 months of birth from 1965-01
      ['male', '1964-12-10', 720, '2024-12-10'], // last unaffected birth month: 60
      ['male', '1965-01-10', 721, '2025-02-10'], // first affected: 60y1m, retires 2025-02
      ['male', '1965-04-30', 721, '2025-05-30'],
      ['male', '1965-05-01', 722, '2025-07-01'], // 60y2m
      ['male', '1970-04-02', 736, '2031-08-02'], // mid-schedule: 1 + floor(63/4) = 16 months
      ['male', '1976-08-15', 755, '2039-07-15'], // 35 months, one short of the cap
      ['male', '1976-09-15', 756, '2039-09-15'], // first capped: 63y
      ['male', '1990-01-01', 756, '2053-01-01'], // later births keep the cap
      // female cadre: 55 → 58, +1 month per 4 months from 1970-01
      ['female_cadre', '1969-12-31', 660, '2024-12-31'],
      ['female_cadre', '1970-01-01', 661, '2025-02-01'],
      ['female_cadre', '1972-08-01', 668, '2028-04-01'], // 1 + floor(31/4) = 8 months
      ['female_cadre', '1981-08-01', 695, '2039-07-01'], // 35 months
      ['female_cadre', '1981-09-01', 696, '2039-09-01'], // first capped: 58y
      ['female_cadre', '1995-05-05', 696, '2053-05-05'],
      // female worker: 50 → 55, +1 month per 2 months from 1975-01
      ['female_worker', '1974-12-01', 600, '2024-12-01'],
      ['female_worker', '1975-01-01', 601, '2025-02-01'],
      ['female_worker', '1975-03-01', 602, '2025-05-01'],
      ['female_worker', '1980-01-01', 631, '2032-08-01'], // 1 + floor(60/2) = 31 months
      ['female_worker', '1984-10-01', 659, '2039-09-01'], // 59 months
      ['female_worker', '1984-11-01', 660, '2039-11-01'], // first capped: 55y
      ['female_worker', '1999-07-01', 660, '2054-07-01'],
    ] as const)('%s born %s retires at %i months on %s', (category, birth, ageMonths, date) => {
      const r = statutoryRetirement(birth, category);
      expect(r.ageMonths).toBe(ageMonths);
      expect(r.date).toBe(date);
      expect(r.month).toBe(date.slice(0, 7));
    });

    it('keeps a 31st birthday at the end of a shorter month', () => {
      expect(statutoryRetirement('1965-01-31', 'male').date).toBe('2025-02-28');
    });
  });

  describe(retirementDelayMonths.name, () => {
    it('never decreases with a later birth and stops at the cap', () => {
      let prev = 0;
      for (let y = 1960; y <= 2000; y += 1) {
        for (let m = 1; m <= 12; m += 1) {
          const d = retirementDelayMonths(`${y}-${String(m).padStart(2, '0')}-15`, 'male');
          expect(d).toBeGreaterThanOrEqual(prev);
          expect(d).toBeLessThanOrEqual(36);
          prev = d;
        }
      }
      expect(prev).toBe(36);
    });
  });

  describe(hasYearsBeforeRetirement.name, () => {
    it('is inclusive of exactly N years', () => {
      expect(hasYearsBeforeRetirement('2027-06-30', '2025-06-30', 2)).toBe(true);
      expect(hasYearsBeforeRetirement('2027-06-29', '2025-06-30', 2)).toBe(false);
    });
  });
});
