import { deadlineLines, deadlineLink, reminderDue } from './deadline-actions';

describe('deadline rows (issue 11 item 8)', () => {
  const ds = [
    { id: 'cycle_assessment', label: '期满考核', dueOn: '2028-11-30', done: false },
    { id: 'annual_plan', label: '报送次年工作计划', dueOn: '2026-12-31', done: false },
    { id: 'annual_summary', label: '报送年度工作总结', dueOn: '2025-12-31', done: false },
    { id: 'renewal', label: '认定有效期届满', dueOn: '2030-03-01', done: false },
  ];

  it('puts overdue first, then the next ones by date', () => {
    const lines = deadlineLines(ds, '2026-01-10', { upcoming: 2 });
    expect(lines.map((l) => [l.id, l.overdue])).toEqual([
      ['annual_summary', true],
      ['annual_plan', false],
      ['cycle_assessment', false],
    ]);
    expect(lines[0]?.due).toBe('2025年12月31日截止 · 已逾期 10 天');
    expect(lines[1]?.due).toBe('还剩 355 天');
  });

  it("lists last year's unfiled paper and this year's apart, each with its own date", () => {
    const both = [
      { id: 'annual_plan', label: '报送次年工作计划', dueOn: '2026-12-31', done: false },
      {
        id: 'annual_plan',
        label: '报送次年工作计划',
        dueOn: '2025-12-31',
        done: false,
        overdue: true,
      },
    ];
    expect(deadlineLines(both, '2026-01-01').map((l) => [l.dueOn, l.overdue, l.due])).toEqual([
      ['2025-12-31', true, '2025年12月31日截止 · 已逾期 1 天'],
      ['2026-12-31', false, '还剩 364 天'],
    ]);
  });

  it('an overdue inbox row counts its days from today', () => {
    expect(reminderDue({ step: 'overdue', dueOn: '2026-12-31' }, '2027-01-08')).toEqual({
      text: '截止 2026-12-31 · 已逾期 8 天',
      overdue: true,
    });
    expect(reminderDue({ step: 'd7', dueOn: '2026-12-31' }, '2026-12-24')).toEqual({
      text: '截止 2026-12-31',
      overdue: false,
    });
  });

  it('leaves out what is done', () => {
    const lines = deadlineLines([{ ...ds[2]!, done: true }], '2026-01-10');
    expect(lines).toEqual([]);
  });

  it('opens where each person acts on it', () => {
    expect(deadlineLink('leader', 7, 'annual_plan').url).toBe(
      '/pages/leader/records/index?studioId=7&type=documents',
    );
    expect(deadlineLink('unit_contact', 7, 'annual_summary').url).toBe(
      '/pages/unit/studio/index?studioId=7',
    );
    expect(deadlineLink('unit_contact', 7, 'cycle_assessment').url).toBe(
      '/pages/exports/index/index?studioId=7',
    );
    expect(deadlineLink('reviewer', 7, 'cycle_assessment')).toEqual({
      action: '去评审',
      url: '/pages/reviewer/sheet/index?studioId=7',
    });
  });
});
