/**
 * Statutory retirement under 全国人大常委会关于实施渐进式延迟法定退休年龄的决定
 * (in force 2025-01-01) and its annexed tables.
 *
 * - male: 60 → 63; +1 month for every 4 months of birth, from births in 1965-01 (附件1).
 * - female cadre (原法定退休年龄55周岁): 55 → 58; +1 month per 4 months, from 1970-01 (附件2).
 * - female worker (原法定退休年龄50周岁): 50 → 55; +1 month per 2 months, from 1975-01 (附件3).
 * Born before the first month: the old age. The delay grows until it reaches the cap, then stays.
 * Example (附件1): born 1965-01 → 60y1m, retires 2025-02; born 1965-05 → 60y2m;
 * born 1976-09 and later → 63y (the 36-month cap: 1 + floor(140 / 4) = 36).
 */
import { addMonths, makeDate, monthsBetween } from './dates.js';
import type { IsoDate, RetirementInfo } from './types.js';
import type { RetirementCategory } from './vocabulary.js';

export interface RetirementSchedule {
  /** Old statutory age, in years. */
  baseAgeYears: number;
  /** First birth month affected, `YYYY-MM`. */
  firstAffectedBirthMonth: string;
  /** Months of birth per extra month of age. */
  birthMonthsPerStep: number;
  /** Maximum delay in months. */
  maxDelayMonths: number;
}

export const RETIREMENT_SCHEDULES: Readonly<Record<RetirementCategory, RetirementSchedule>> = {
  // 决定 第一条, 附件1: 男职工 60 → 63, 每4个月延迟1个月
  male: {
    baseAgeYears: 60,
    firstAffectedBirthMonth: '1965-01',
    birthMonthsPerStep: 4,
    maxDelayMonths: 36,
  },
  // 决定 第一条, 附件2: 原55周岁女职工 55 → 58, 每4个月延迟1个月
  female_cadre: {
    baseAgeYears: 55,
    firstAffectedBirthMonth: '1970-01',
    birthMonthsPerStep: 4,
    maxDelayMonths: 36,
  },
  // 决定 第一条, 附件3: 原50周岁女职工 50 → 55, 每2个月延迟1个月
  female_worker: {
    baseAgeYears: 50,
    firstAffectedBirthMonth: '1975-01',
    birthMonthsPerStep: 2,
    maxDelayMonths: 60,
  },
};

/** Months of delay for someone born in `birthDate`'s month. */
export function retirementDelayMonths(birthDate: IsoDate, category: RetirementCategory): number {
  const s = RETIREMENT_SCHEDULES[category];
  const first = `${s.firstAffectedBirthMonth}-01`;
  const birthMonth = makeDate(Number(birthDate.slice(0, 4)), Number(birthDate.slice(5, 7)), 1);
  const sinceFirst = monthsBetween(first, birthMonth);
  if (sinceFirst < 0) return 0;
  return Math.min(s.maxDelayMonths, Math.floor(sinceFirst / s.birthMonthsPerStep) + 1);
}

export interface StatutoryRetirement {
  category: RetirementCategory;
  /** Retirement age in months (60y1m = 721). */
  ageMonths: number;
  delayMonths: number;
  /** The day the person reaches that age (birth date + age; a 31st becomes the month's last day). */
  date: IsoDate;
  /** `YYYY-MM`, the month the law's tables give as 退休时间. */
  month: string;
}

export function statutoryRetirement(
  birthDate: IsoDate,
  category: RetirementCategory,
): StatutoryRetirement {
  const s = RETIREMENT_SCHEDULES[category];
  const delayMonths = retirementDelayMonths(birthDate, category);
  const ageMonths = s.baseAgeYears * 12 + delayMonths;
  const date = addMonths(birthDate, ageMonths);
  return { category, ageMonths, delayMonths, date, month: date.slice(0, 7) };
}

/** Retirement seen from `asOf`: how long until (or since) the statutory date. */
export function retirementAsOf(
  birthDate: IsoDate,
  category: RetirementCategory,
  asOf: IsoDate,
): RetirementInfo {
  const r = statutoryRetirement(birthDate, category);
  const monthsLeft = monthsBetween(asOf, r.date);
  return {
    category,
    date: r.date,
    ageMonths: r.ageMonths,
    delayMonths: r.delayMonths,
    monthsLeft,
    yearsLeft: Math.trunc((monthsLeft / 12) * 10) / 10,
  };
}

/** "距法定退休年龄N年以上（含N年）": true when the statutory date is at least `years` after `asOf`. */
export function hasYearsBeforeRetirement(
  retirementDate: IsoDate,
  asOf: IsoDate,
  years: number,
): boolean {
  return addMonths(asOf, years * 12) <= retirementDate;
}

/** Formats an age in months as `60岁1个月`. */
export function formatAgeZh(ageMonths: number): string {
  const y = Math.floor(ageMonths / 12);
  const m = ageMonths % 12;
  return m ? `${y}岁${m}个月` : `${y}岁`;
}
