import { apprenticeName, findRecord, nameRecord, recordTitle } from './record-names';

const facts = {
  leader: {
    name: '张建国',
    birthDate: '1972-01-16',
    retirementCategory: 'male' as const,
    skillLevel: 'senior_technician' as const,
  },
  members: [
    { name: '马晓东', skillLevel: 'technician' as const, fullTime: true },
    { name: '周凯', skillLevel: 'senior' as const, fullTime: false },
  ],
  apprentices: [
    { id: '1', name: '李明', joinedOn: '2025-09-22' },
    { id: '2', name: '王芳', joinedOn: '2025-03-26' },
  ],
  certificates: [
    { id: '7', apprenticeId: '2', level: 'senior' as const, awardedOn: '2025-12-13' },
    { apprenticeId: '1', level: 'intermediate' as const, awardedOn: '2026-04-02' },
  ],
  activities: [{ id: '28', kind: 'industry_exchange' as const, date: '2026-04-17', attendance: 9 }],
  achievements: [{ id: '2', kind: 'award' as const, level: 'city' as const, date: '2026-03-04' }],
  funds: [{ id: '3', source: 'unit_matching' as const, amount: 50000, date: '2025-12-16' }],
  documents: [{ id: '6', kind: 'annual_plan' as const, year: 2027, submittedOn: '2026-11-18' }],
};

describe('findRecord', () => {
  it('finds by id and by collection[index]', () => {
    expect(findRecord(facts, 'certificates', '7')).toBe(facts.certificates[0]);
    expect(findRecord(facts, 'certificates', 'certificates[1]')).toBe(facts.certificates[1]);
    expect(findRecord(facts, 'members', 'members[1]')).toBe(facts.members[1]);
    expect(findRecord(facts, 'leader', 'leader')).toBe(facts.leader);
  });

  it('returns undefined for unknown references or missing facts', () => {
    expect(findRecord(facts, 'certificates', '99')).toBeUndefined();
    expect(findRecord(facts, 'certificates', 'members[0]')).toBeUndefined();
    expect(findRecord(undefined, 'certificates', '7')).toBeUndefined();
  });
});

describe('apprenticeName', () => {
  it('maps an apprentice id to the name', () => {
    expect(apprenticeName(facts, '2')).toBe('王芳');
    expect(apprenticeName(facts, '9')).toBeUndefined();
    expect(apprenticeName(undefined, '2')).toBeUndefined();
  });
});

describe('nameRecord / recordTitle', () => {
  it('names a certificate by its apprentice, level and date, whether referenced by id or index', () => {
    expect(nameRecord({ record: '7', collection: 'certificates' }, facts)).toEqual({
      name: '王芳的证书',
      level: '高级工（三级）',
      date: '2025年12月13日',
    });
    expect(recordTitle({ record: 'certificates[1]', collection: 'certificates' }, facts)).toBe(
      '李明的证书 · 中级工（四级） · 2026年4月2日',
    );
  });

  it('uses the apprentice id and level on the reference when the certificate is not in the facts', () => {
    expect(
      recordTitle(
        {
          record: '40',
          collection: 'certificates',
          apprenticeId: '1',
          level: 'senior',
          date: '2026-01-02',
        },
        facts,
      ),
    ).toBe('李明的证书 · 高级工（三级） · 2026年1月2日');
  });

  it('names members, the leader and apprentices', () => {
    expect(recordTitle({ record: 'members[1]', collection: 'members' }, facts)).toBe(
      '成员 周凯 · 高级工（三级）',
    );
    expect(recordTitle({ record: 'leader', collection: 'leader' }, facts)).toMatch(
      /^领办人 张建国 · /,
    );
    expect(recordTitle({ record: '1', collection: 'apprentices' }, facts)).toBe(
      '学徒 李明 · 2025年9月22日入室',
    );
  });

  it('names activities, achievements, funds and documents by kind', () => {
    expect(recordTitle({ record: '28', collection: 'activities' }, facts)).toMatch(
      /^.+ · 2026年4月17日$/,
    );
    expect(recordTitle({ record: '28', collection: 'activities' }, facts)).not.toContain('28');
    expect(recordTitle({ record: '2', collection: 'achievements' }, facts)).toMatch(
      /^.+ · .+ · 2026年3月4日$/,
    );
    expect(recordTitle({ record: '3', collection: 'funds' }, facts)).toMatch(
      /¥50,000 · 2025年12月16日$/,
    );
    expect(recordTitle({ record: '6', collection: 'documents' }, facts)).toMatch(
      /^2027 年.+ · 2026年11月18日提交$/,
    );
  });

  it('falls back to collection and id', () => {
    expect(recordTitle({ record: '99', collection: 'activities', date: '2026-01-01' })).toBe(
      '活动 99 · 2026年1月1日',
    );
    expect(recordTitle({ record: 'certificates[5]', collection: 'certificates' }, facts)).toBe(
      '证书 certificates[5]',
    );
  });
});
