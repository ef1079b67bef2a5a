import { integerAxis, monthsBetween, personTimesByMonth, targetHistory } from './charts';

describe('monthsBetween', () => {
  it('crosses the year end', () => {
    expect(monthsBetween('2024-11-15', '2025-02-01')).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
  });
});

describe('personTimesByMonth', () => {
  it('sums attendance per month and keeps empty months as 0', () => {
    const rows = personTimesByMonth(
      [
        { date: '2025-01-10', attendance: 12 },
        { date: '2025-01-20', attendance: 8 },
        { date: '2025-03-02', attendance: 5 },
        { date: '2024-12-31', attendance: 99 },
      ],
      '2025-01-01',
      '2025-03-31',
    );
    expect(rows).toEqual([
      { month: '2025-01', value: 20 },
      { month: '2025-02', value: 0 },
      { month: '2025-03', value: 5 },
    ]);
  });
});

describe('targetHistory', () => {
  it('evaluates at each month end up to asOf and reads the target tally', () => {
    const asked: string[] = [];
    const evaluateAt = (d: string) => {
      asked.push(d);
      return {
        targets: [
          {
            id: 'person_times',
            required: 100,
            actual: Number(d.slice(5, 7)) * 10,
            period: { from: '2025-01-01', to: '2025-12-31' },
          },
        ],
      };
    };
    const h = targetHistory(evaluateAt, 'person_times', '2025-03-15');
    expect(h).toEqual([
      { month: '2025-01', actual: 10, required: 100 },
      { month: '2025-02', actual: 20, required: 100 },
      { month: '2025-03', actual: 30, required: 100 },
    ]);
    expect(asked).toEqual(['2025-03-15', '2025-01-31', '2025-02-28']);
  });
  it('reuses the progress at asOf when the caller passes it', () => {
    const asked: string[] = [];
    const at = (d: string) => ({
      targets: [
        {
          id: 't',
          required: 5,
          actual: Number(d.slice(5, 7)),
          period: { from: '2025-01-01', to: '2025-12-31' },
        },
      ],
    });
    const evaluateAt = (d: string) => {
      asked.push(d);
      return at(d);
    };
    const h = targetHistory(evaluateAt, 't', '2025-02-10', at('2025-02-10'));
    expect(h).toEqual([
      { month: '2025-01', actual: 1, required: 5 },
      { month: '2025-02', actual: 2, required: 5 },
    ]);
    expect(asked).toEqual(['2025-01-31']);
  });
  it('is empty for an unknown target', () => {
    expect(targetHistory(() => ({ targets: [] }), 'x', '2025-03-15')).toEqual([]);
  });
});

describe('integerAxis (issue 11 item 14: people counts on whole-number ticks)', () => {
  it('ticks 0..3 by 1 for a count of 3, never halves', () => {
    expect(integerAxis(3).ticks).toEqual([0, 1, 2, 3]);
    expect(integerAxis(1).ticks).toEqual([0, 1]);
    expect(integerAxis(0).ticks).toEqual([0, 1]);
  });
  it('keeps to about five ticks, each a whole number, covering the largest value', () => {
    for (const n of [2, 5, 7, 9, 13, 28, 99, 137, 1001]) {
      const a = integerAxis(n);
      expect(a.ticks.every((t) => Number.isInteger(t))).toBe(true);
      expect(a.ticks.length).toBeLessThanOrEqual(6);
      expect(a.max).toBeGreaterThanOrEqual(n);
      expect(a.tickInterval).toBeGreaterThanOrEqual(1);
    }
    expect(integerAxis(7)).toMatchObject({ max: 8, tickInterval: 2 });
  });
});
