import { evaluate } from './evaluate.js';
import { studioFacts } from './test-support/factories.js';
import type { StudioDocument as Document } from './types.js';

/**
 * Year-end papers (deadlines.ts yearEndDocumentDeadline): yuzhong-2023 第十四条 (next year's plan by
 * 31 December) and shunyi-2023 第十三条 (the year's report), around the turn of the year.
 */
const rows = (
  policyId: string,
  id: string,
  documents: Document[],
  asOf: string,
  recognizedOn?: string,
) => {
  const base = studioFacts(policyId, { documents });
  const facts = recognizedOn ? { ...base, studio: { ...base.studio, recognizedOn } } : base;
  return evaluate(facts, asOf)
    .deadlines.filter((d) => d.id === id)
    .map((d) => [d.dueOn, d.done, d.overdue]);
};

const plan = (year: number, submittedOn: string): Document => ({
  id: `plan${year}`,
  kind: 'annual_plan',
  year,
  submittedOn,
});
const summary = (year: number, submittedOn: string): Document => ({
  id: `summary${year}`,
  kind: 'annual_summary',
  year,
  submittedOn,
});

describe("yuzhong-2023 第十四条: next year's plan by 31 December", () => {
  const yz = (documents: Document[], asOf: string, recognizedOn?: string) =>
    rows('yuzhong-2023', 'annual_plan', documents, asOf, recognizedOn);

  describe('met (the 2027 plan filed on 2026-12-30)', () => {
    const docs = [plan(2026, '2025-12-20'), plan(2027, '2026-12-30')];
    it('31 December: done', () => {
      expect(yz(docs, '2026-12-31')).toEqual([['2026-12-31', true, false]]);
    });
    it('1 January: only the next plan, upcoming', () => {
      expect(yz(docs, '2027-01-01')).toEqual([['2027-12-31', false, false]]);
    });
    it('mid-year: only the next plan, upcoming', () => {
      expect(yz(docs, '2027-06-30')).toEqual([['2027-12-31', false, false]]);
    });
  });

  describe('unmet (the 2027 plan never filed)', () => {
    const docs = [plan(2026, '2025-12-20')];
    it('31 December: due today, not yet overdue', () => {
      expect(yz(docs, '2026-12-31')).toEqual([['2026-12-31', false, false]]);
    });
    it('1 January: overdue, and next year’s listed as upcoming', () => {
      expect(yz(docs, '2027-01-01')).toEqual([
        ['2026-12-31', false, true],
        ['2027-12-31', false, false],
      ]);
      const [late] = evaluate(
        studioFacts('yuzhong-2023', { documents: docs }),
        '2027-01-01',
      ).deadlines;
      expect(late?.explanation).toBe(
        '2027 年工作计划须在 2026-12-31 前报送，已逾期 1 天，截至 2027-01-01 仍未报送，请尽快补报（yuzhong-2023 第十四条）。',
      );
      expect(late?.article).toBe('yuzhong-2023 第十四条');
    });
    it('mid-year: still overdue', () => {
      expect(yz(docs, '2027-06-30')).toEqual([
        ['2026-12-31', false, true],
        ['2027-12-31', false, false],
      ]);
    });
    it('a late plan ends the overdue entry from the day it is submitted, without making it done', () => {
      const late = [...docs, plan(2027, '2027-01-05')];
      expect(yz(late, '2027-01-04')).toEqual([
        ['2026-12-31', false, true],
        ['2027-12-31', false, false],
      ]);
      expect(yz(late, '2027-01-05')).toEqual([['2027-12-31', false, false]]);
    });
    it('a checker keyed by id (the golden cases) still sees this year’s deadline, listed last', () => {
      const d = Object.fromEntries(
        evaluate(studioFacts('yuzhong-2023', { documents: docs }), '2027-01-01').deadlines.map(
          (x) => [x.id, x],
        ),
      );
      expect(d.annual_plan).toMatchObject({ dueOn: '2027-12-31', done: false });
    });
  });

  it('nothing is owed for a 31 December before recognition', () => {
    expect(yz([], '2026-06-30', '2026-03-01')).toEqual([['2026-12-31', false, false]]);
    expect(yz([], '2026-01-01', '2025-12-31')).toEqual([
      ['2025-12-31', false, true],
      ['2026-12-31', false, false],
    ]);
  });

  it('only the previous year is carried over', () => {
    expect(yz([plan(2026, '2025-12-20')], '2028-01-01')).toEqual([
      ['2027-12-31', false, true],
      ['2028-12-31', false, false],
    ]);
  });
});

describe('shunyi-2023 第十三条: the year’s report by 31 December', () => {
  const sy = (documents: Document[], asOf: string) =>
    rows('shunyi-2023', 'annual_summary', documents, asOf);

  describe('met (the 2026 report filed on 2026-12-28)', () => {
    const docs = [summary(2025, '2025-12-20'), summary(2026, '2026-12-28')];
    it('31 December: done', () => {
      expect(sy(docs, '2026-12-31')).toEqual([['2026-12-31', true, false]]);
    });
    it('1 January and mid-year: only the new year’s report, upcoming', () => {
      expect(sy(docs, '2027-01-01')).toEqual([['2027-12-31', false, false]]);
      expect(sy(docs, '2027-06-30')).toEqual([['2027-12-31', false, false]]);
    });
  });

  describe('unmet (the 2026 report never filed)', () => {
    const docs = [summary(2025, '2025-12-20')];
    it('31 December: due today', () => {
      expect(sy(docs, '2026-12-31')).toEqual([['2026-12-31', false, false]]);
    });
    it('1 January and mid-year: overdue, with the new year’s upcoming', () => {
      for (const asOf of ['2027-01-01', '2027-06-30'])
        expect(sy(docs, asOf)).toEqual([
          ['2026-12-31', false, true],
          ['2027-12-31', false, false],
        ]);
      const late = evaluate(
        studioFacts('shunyi-2023', { documents: docs }),
        '2027-06-30',
      ).deadlines.find((d) => d.overdue);
      expect(late?.explanation).toContain('2026 年工作总结须在 2026-12-31 前报送，已逾期 181 天');
    });
    it('a report for another year does not settle it', () => {
      expect(sy([...docs, summary(2027, '2027-01-02')], '2027-01-03')[0]).toEqual([
        '2026-12-31',
        false,
        true,
      ]);
    });
  });
});
