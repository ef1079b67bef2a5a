import { explainTarget } from './explain';

describe('explainTarget', () => {
  it('turns counted records and exclusions into readable lines', () => {
    const ex = explainTarget({
      id: 'person_times',
      explanation: '统计期内共 23 人次。',
      article: '第十三条',
      countedRecords: [
        { record: 'e1', collection: 'activities', value: 23, date: '2025-05-01' },
        { record: 'c1', collection: 'certificates', value: 1, date: '2025-01-05', title: '王五的证书', level: 'senior' },
      ],
      excluded: [{ record: 'e2', collection: 'activities', reason: 'after_as_of', message: '活动 e2：晚于统计日，不计入。' }],
    });
    expect(ex.summary).toBe('统计期内共 23 人次。');
    expect(ex.article).toBe('第十三条');
    expect(ex.counted[0]).toEqual({ title: '活动 e1 · 2025年5月1日', value: 23 });
    expect(ex.counted[1]?.title).toMatch(/^王五的证书 · .+ · 2025年1月5日$/);
    expect(ex.excluded[0]?.title).toBe('活动 e2：晚于统计日，不计入。');
    expect(ex.excluded[0]?.reason).toBeTruthy();
  });

  it('copes with a target that carries no explanation', () => {
    expect(explainTarget({ id: 'team_size' })).toEqual({ summary: undefined, article: undefined, counted: [], excluded: [] });
  });
});
