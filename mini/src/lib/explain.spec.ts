import { dedupePeriod, explainTarget } from './explain';

const facts = {
  apprentices: [
    { id: '1', name: '李明', joinedOn: '2025-09-22' },
    { id: '4', name: '赵磊', joinedOn: '2025-06-01' },
  ],
  certificates: [
    { id: '1', apprenticeId: '1', level: 'senior' as const, awardedOn: '2026-02-01' },
    { id: '4', apprenticeId: '4', level: 'intermediate' as const, awardedOn: '2026-04-02' },
  ],
  activities: [
    { id: 'e1', kind: 'industry_exchange' as const, date: '2025-05-01', attendance: 23 },
  ],
};

describe('explainTarget', () => {
  it('names counted and excluded records from the facts', () => {
    const ex = explainTarget(
      {
        id: 'high_skill_talents',
        explanation:
          '培养高技能人才：要求 ≥ 5，实际 1。统计期 2025-03-01 至 2027-02-28 内（截至 2026-11-21），1 名学徒取得高级工（三级）及以上证书。统计期 2025-03-01 至 2027-02-28。',
        article: 'urumqi-2023 第四条',
        countedRecords: [
          {
            record: '1',
            collection: 'certificates',
            value: 1,
            date: '2026-02-01',
            apprenticeId: '1',
            level: 'senior',
          },
        ],
        excluded: [
          {
            record: '4',
            collection: 'certificates',
            reason: 'below_senior',
            message: '低于高级工（中级工（四级）），不计入',
            apprenticeId: '4',
          },
        ],
      },
      facts,
    );
    expect(ex.summary).toBe(
      '培养高技能人才：要求 ≥ 5，实际 1。统计期 2025-03-01 至 2027-02-28 内（截至 2026-11-21），1 名学徒取得高级工（三级）及以上证书。',
    );
    expect(ex.article).toBe('乌鲁木齐市办法 第四条');
    expect(ex.counted).toEqual([
      { title: '李明的证书', detail: '高级工（三级） · 2026年2月1日', value: 1 },
    ]);
    expect(ex.excluded[0]).toMatchObject({
      title: '赵磊的证书',
      detail: '中级工（四级） · 2026年4月2日',
    });
    expect(ex.excluded[0]?.reason).toBe('低于高级工（中级工（四级）），不计入');
  });

  it('falls back to kind, id and date without facts, and keeps a title the record carries', () => {
    const ex = explainTarget({
      id: 'person_times',
      countedRecords: [
        { record: 'e1', collection: 'activities', value: 23, date: '2025-05-01' },
        {
          record: 'c1',
          collection: 'certificates',
          value: 1,
          date: '2025-01-05',
          title: '王五的证书',
          level: 'senior',
        },
      ],
      excluded: [{ record: 'e2', collection: 'activities', reason: 'after_as_of' }],
    });
    expect(ex.counted[0]).toEqual({ title: '活动 e1', detail: '2025年5月1日', value: 23 });
    expect(ex.counted[1]?.title).toBe('王五的证书');
    expect(ex.counted[1]?.detail).toMatch(/^.+ · 2025年1月5日$/);
    expect(ex.excluded[0]?.title).toBe('活动 e2');
    expect(ex.excluded[0]?.detail).toBeUndefined();
    expect(ex.excluded[0]?.reason).toBeTruthy();
  });

  it('copes with a target that carries no explanation', () => {
    expect(explainTarget({ id: 'team_size' })).toEqual({
      summary: undefined,
      article: undefined,
      counted: [],
      excluded: [],
    });
  });
});

describe('dedupePeriod', () => {
  it('drops a closing 统计期 sentence whose period is already named', () => {
    expect(
      dedupePeriod(
        '2026-01-01 至 2026-12-31（截至 2026-11-21）开展 4 次。统计期 2026-01-01 至 2026-12-31。另有 1 条计划。',
      ),
    ).toBe('2026-01-01 至 2026-12-31（截至 2026-11-21）开展 4 次。另有 1 条计划。');
  });

  it('keeps it when it is the only mention of the period', () => {
    const s = '要求 ≥ 1，实际 1。共 1 次。统计期 2026-01-01 至 2026-12-31。';
    expect(dedupePeriod(s)).toBe(s);
  });
});
