import type { Facts } from '@master-studio/shared-rules';
import { nameIdsIn, prefixIds, recordNamer, titleKey } from './record-names';

describe('record names', () => {
  const empty: Facts = {
    policyId: 'urumqi-2023',
    studio: { name: '张三焊工技能大师工作室', trade: '焊工', recognizedOn: '2025-03-01' },
    leader: {
      name: '张三',
      birthDate: '1980-06-15',
      retirementCategory: 'male',
      skillLevel: 'senior_technician',
      fullTime: true,
    },
    members: [],
    apprentices: [],
    certificates: [],
    activities: [],
    achievements: [],
    funds: [],
    documents: [],
  };
  const facts = prefixIds({
    ...empty,
    apprentices: [{ id: '5', name: '王小明', joinedOn: '2025-03-01' }],
    certificates: [{ id: '5', apprenticeId: '5', level: 'senior', awardedOn: '2025-09-01' }],
    activities: [{ id: '5', kind: 'training', date: '2025-05-01', attendance: 12 }],
  });
  const name = recordNamer(facts, new Map([[titleKey('activities', 5), '焊接培训']]));

  it('keeps the same database id apart per collection', () => {
    expect(facts.apprentices[0]!.id).toBe('ap:5');
    expect(facts.certificates[0]).toMatchObject({ id: 'ce:5', apprenticeId: 'ap:5' });
    expect(name('ce:5')).toBe('王小明 高级工（三级）证书（2025-09-01）');
    expect(name('ac:5')).toBe('技能培训《焊接培训》（2025-05-01，12人次）');
  });

  it('names fact paths and judgments, and rewrites ids quoted in explanations', () => {
    expect(name('studio.hasSign')).toBe('工作室标牌');
    expect(name('judgments.U10')).toBe('评审打分（U10）');
    expect(name('overrides.G3')).toBe('评审改分（G3）');
    expect(nameIdsIn('计入 ce:5、ac:5。', name)).toBe(
      '计入 王小明 高级工（三级）证书（2025-09-01）、技能培训《焊接培训》（2025-05-01，12人次）。',
    );
  });
});
