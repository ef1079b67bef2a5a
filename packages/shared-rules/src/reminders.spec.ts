import { evaluate } from './evaluate.js';
import {
  deadlineReminders,
  deadlineStep,
  inactivityReminder,
  rectificationDueOn,
  signoffOverdueBefore,
} from './reminders.js';
import { studioFacts } from './test-support/factories.js';

describe('reminder steps (issue 14)', () => {
  it('a deadline is reminded 30, 7 and 1 day before, and once overdue', () => {
    expect(deadlineStep('2026-12-31', '2026-11-30')).toBeNull();
    expect(deadlineStep('2026-12-31', '2026-12-01')).toBe('d30');
    expect(deadlineStep('2026-12-31', '2026-12-23')).toBe('d30');
    expect(deadlineStep('2026-12-31', '2026-12-24')).toBe('d7');
    expect(deadlineStep('2026-12-31', '2026-12-30')).toBe('d1');
    expect(deadlineStep('2026-12-31', '2026-12-31')).toBe('d1');
    expect(deadlineStep('2026-12-31', '2027-01-01')).toBe('overdue');
  });

  it("yuzhong's plan for next year (第十四条) is reminded in December until a plan is filed", () => {
    // The plans for 2025 and 2026 were filed on time.
    const earlier = [
      { id: 'p25', kind: 'annual_plan' as const, year: 2025, submittedOn: '2024-12-20' },
      { id: 'p26', kind: 'annual_plan' as const, year: 2026, submittedOn: '2025-12-20' },
    ];
    const facts = studioFacts('yuzhong-2023', { documents: earlier });
    const due = deadlineReminders(evaluate(facts, '2026-12-24'));
    expect(due.map((d) => [d.deadline.id, d.deadline.dueOn, d.step])).toEqual([
      ['annual_plan', '2026-12-31', 'd7'],
    ]);
    const filed = studioFacts('yuzhong-2023', {
      documents: [
        ...earlier,
        { id: 'p', kind: 'annual_plan', year: 2027, submittedOn: '2026-12-20' },
      ],
    });
    expect(deadlineReminders(evaluate(filed, '2026-12-24'))).toEqual([]);
  });

  it('a year-end plan still missing on 1 January is reminded as overdue, next to the coming one', () => {
    const facts = studioFacts('yuzhong-2023', {
      documents: [{ id: 'p26', kind: 'annual_plan', year: 2026, submittedOn: '2025-12-20' }],
    });
    const due = (asOf: string) =>
      deadlineReminders(evaluate(facts, asOf)).map((d) => [d.deadline.dueOn, d.step]);
    expect(due('2026-12-31')).toEqual([['2026-12-31', 'd1']]);
    expect(due('2027-01-01')).toEqual([['2026-12-31', 'overdue']]);
    expect(due('2027-12-01')).toEqual([
      ['2026-12-31', 'overdue'],
      ['2027-12-31', 'd30'],
    ]);
  });

  it('urumqi 第二十条（一）: 9 and 11 months without an activity, from the inactivity_risk finding', () => {
    const base = studioFacts('urumqi-2023');
    const facts = studioFacts('urumqi-2023', {
      studio: { ...base.studio, recognizedOn: '2025-06-01' },
      activities: [{ id: 'a', kind: 'training', date: '2026-01-10', attendance: 5 }],
    });
    expect(inactivityReminder(evaluate(facts, '2026-10-10'))).toBeNull();
    expect(inactivityReminder(evaluate(facts, '2026-10-11'))).toMatchObject({
      step: 'm9',
      lastActivity: '2026-01-10',
      revokedAfter: '2027-01-10',
    });
    expect(inactivityReminder(evaluate(facts, '2026-12-11'))?.step).toBe('m11');
    expect(inactivityReminder(evaluate(studioFacts('yuzhong-2023'), '2026-12-11'))).toBeNull();
  });

  it('sign-off after 7 days; yuzhong 第十一条 rectification of 3 months; none elsewhere', () => {
    expect(signoffOverdueBefore('2026-12-08')).toBe('2026-12-01');
    expect(rectificationDueOn('yuzhong-2023', '2026-03-15')).toEqual({
      dueOn: '2026-06-15',
      article: 'yuzhong-2023 第十一条',
    });
    expect(rectificationDueOn('urumqi-2023', '2026-03-15')).toBeNull();
  });
});
