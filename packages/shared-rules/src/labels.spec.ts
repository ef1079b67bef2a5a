import { ITEM_LABELS_ZH, LABELS_ZH, POLICY_DEFINITIONS, policies } from './index.js';
import {
  ACHIEVEMENT_KINDS,
  ACHIEVEMENT_LEVELS,
  ACTIVITY_KINDS,
  DOCUMENT_KINDS,
  EXCLUSION_REASONS,
  FINDING_RULES,
  FUND_SOURCES,
  RETIREMENT_CATEGORIES,
  SKILL_LEVELS,
  TARGET_IDS,
} from './vocabulary.js';

describe('LABELS_ZH', () => {
  it.each([
    ['skillLevels', SKILL_LEVELS],
    ['activityKinds', ACTIVITY_KINDS],
    ['achievementKinds', ACHIEVEMENT_KINDS],
    ['achievementLevels', ACHIEVEMENT_LEVELS],
    ['fundSources', FUND_SOURCES],
    ['documentKinds', DOCUMENT_KINDS],
    ['retirementCategories', RETIREMENT_CATEGORIES],
    ['targets', TARGET_IDS],
    ['findings', FINDING_RULES],
    ['exclusionReasons', EXCLUSION_REASONS],
  ] as const)('labels every code of %s in Chinese', (key, codes) => {
    const labels = LABELS_ZH[key] as Record<string, string>;
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
    for (const c of codes) expect(labels[c]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('labels every studio field (fact paths such as studio.hasSign)', () => {
    const fields = [
      'name',
      'trade',
      'recognizedOn',
      'areaSqm',
      'hasSign',
      'hasHonoursBoard',
      'rulesPosted',
      'dutiesDefined',
      'hasEquipment',
      'hasFundRules',
      'vetoed',
    ];
    expect(Object.keys(LABELS_ZH.studioFields).sort()).toEqual([...fields].sort());
  });

  it('prints every item of an item sheet as a row of its annex form, and no other', () => {
    for (const p of POLICY_DEFINITIONS) {
      if (p.assessment.kind !== 'items') continue;
      const rows = p.assessment.form.rows;
      expect(Object.keys(rows).sort()).toEqual(p.assessment.items.map((i) => i.id).sort());
      for (const r of Object.values(rows)) expect(r.content).toMatch(/[\u4e00-\u9fff]/);
    }
    // gongshu-2020 附件2: 30 + 15 + 15 + 20 (+ 加分项 10); urumqi-2023 附件2: 10 + 35 + 15 + 30 + 10 (+ 10)
    const sections = (id: string) => {
      const a = POLICY_DEFINITIONS.find((p) => p.id === id)!.assessment;
      const out: Record<string, number> = {};
      if (a.kind === 'items')
        for (const i of a.items)
          out[a.form.rows[i.id]!.section] = (out[a.form.rows[i.id]!.section] ?? 0) + i.max;
      return out;
    };
    expect(sections('gongshu-2020')).toEqual({
      日常管理与基础保障: 30,
      技术攻关: 15,
      技术交流: 15,
      带徒传艺: 20,
      加分项: 10,
    });
    expect(sections('urumqi-2023')).toEqual({
      制度建设: 10,
      保障建设: 35,
      '技术攻关、研发': 15,
      带徒传艺: 30,
      技术交流: 10,
      加分项目: 10,
    });
  });

  it('labels every assessment item', () => {
    expect(Object.keys(ITEM_LABELS_ZH['urumqi-2023']!)).toHaveLength(25);
    expect(Object.keys(ITEM_LABELS_ZH['gongshu-2020']!)).toHaveLength(14);
    expect(ITEM_LABELS_ZH['yuzhong-2023']).toEqual({});
  });
});

describe('policies', () => {
  it('lists the five policies with id, title and jurisdiction', () => {
    expect(policies.map((p) => p.id)).toEqual([
      'yuzhong-2023',
      'shunyi-2023',
      'gongshu-2020',
      'urumqi-2023',
      'shaoguan-2022',
    ]);
    for (const p of policies)
      expect(Object.keys(p).sort()).toEqual(['id', 'jurisdiction', 'title']);
  });

  it('cites a seed article for every target, deadline, finding and item', () => {
    for (const p of POLICY_DEFINITIONS) {
      const articles = [
        ...p.targets.map((t) => t.article),
        ...p.deadlines.map((d) => d.article),
        ...p.findings.map((f) => f.article),
        ...(p.assessment.kind === 'items' ? p.assessment.items.map((i) => i.article) : []),
      ];
      for (const a of articles) expect(a.startsWith(p.id)).toBe(true);
    }
  });

  it('keeps each item sheet consistent with its declared maxima', () => {
    const sum = (id: string, bonus: boolean) => {
      const a = POLICY_DEFINITIONS.find((p) => p.id === id)!.assessment;
      return a.kind === 'items'
        ? a.items.filter((i) => (i.bonus === true) === bonus).reduce((n, i) => n + i.max, 0)
        : NaN;
    };
    expect([sum('urumqi-2023', false), sum('urumqi-2023', true)]).toEqual([100, 10]);
    expect([sum('gongshu-2020', false), sum('gongshu-2020', true)]).toEqual([80, 10]);
  });
});
