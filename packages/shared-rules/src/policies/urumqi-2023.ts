/**
 * urumqi-2023: 乌鲁木齐市技能大师工作室建设管理办法（乌人社规〔2023〕1号）+ 附件2 考核评估标准.
 * Text: docs/policies/urumqi-2023.txt. Every number below cites its article there.
 * Over 300 lines: one policy is one file (targets, deadlines, findings and the 附件2 assessment
 * items with their grades), so that it reads side by side with its text.
 */
import { periodOf, type RuleContext } from '../context.js';
import {
  annualPlanDeadline,
  annualSummaryDeadline,
  cycleAssessmentDeadline,
} from '../deadlines.js';
import { num, yuan } from '../explanations.js';
import { notYetRecognizedRule, policyExpiredRule, vetoRule } from '../findings/common.js';
import { inactivityRule } from '../findings/inactivity.js';
import { leaderLevelRule, leaderRetiredRule, leaderRetirementRule } from '../findings/leader.js';
import { studioNameRule } from '../findings/studio-name.js';
import { targetShortfallRule } from '../findings/target-shortfall.js';
import { yearOf } from '../dates.js';
import { yearsTouched } from '../periods.js';
import type { ItemSpec, PolicyDefinition, TargetSpec, AnnexForm } from '../policy-definition.js';
import {
  auto,
  deduction,
  flagItem,
  list,
  needsJudgment,
  none,
  recordsItem,
} from '../scoring/evidence.js';
import { isAtLeast } from '../skill-levels.js';
import { achievementTally, levelAtLeast } from '../tallies/achievements.js';
import { activitiesOfKinds, activityTally } from '../tallies/activities.js';
import { documentsFor } from '../tallies/documents.js';
import { fundSum } from '../tallies/funds.js';
import { rosterSize } from '../tallies/mentored.js';
import { talentTally } from '../tallies/talents.js';
import { teamTally } from '../tallies/team.js';
import type { Period } from '../types.js';

const P = 'urumqi-2023';
const cycle = (ctx: RuleContext): Period => periodOf(ctx, 'cycle')!;
/** Calendar years the cycle has touched up to asOf. */
const cycleYears = (ctx: RuleContext): number[] =>
  yearsTouched(cycle(ctx), ctx.asOf).map((p) => yearOf(p.from));

const TALENTS_PER_CYCLE = 5; // urumqi-2023 第四条: 每两年，至少培养5名高技能人才
const TEAM_MIN = 2; // urumqi-2023 第七条（二）: 不少于2名正式员工（不含领办人）
const MATCHING_MIN = 100_000; // urumqi-2023 第十三条 / 附件2 保障建设: 配套资金不少于10万元
const AREA_MIN = 30; // urumqi-2023 附件2 保障建设: 30平方以上学习交流场所

const highSkillTalents: TargetSpec = {
  id: 'high_skill_talents',
  required: TALENTS_PER_CYCLE,
  period: 'cycle',
  article: `${P} 第四条`,
  rule: '每个2年建设周期至少培养5名高技能人才（高级工及以上）',
  tally: (ctx, period) => talentTally(ctx, period!),
};

const teamSize: TargetSpec = {
  id: 'team_size',
  required: TEAM_MIN,
  period: 'none',
  article: `${P} 第七条（二）`,
  rule: '除领办人外不少于2名正式员工组成的技术技能人才团队',
  tally: (ctx) => teamTally(ctx, { fullTimeOnly: true, includeLeader: false }),
};

const industryExchanges: TargetSpec = {
  id: 'industry_exchanges',
  required: 1, // urumqi-2023 附件2 技术交流: 每年开展一次以上业内技术交流会等活动
  period: 'year',
  article: `${P} 附件2 技术交流`,
  rule: '每年开展一次以上业内技术交流会等活动',
  tally: (ctx, period) => activityTally(ctx, period!, ['industry_exchange'], 'count'),
};

const assessment = cycleAssessmentDeadline(`${P} 第十九条（二）`, 3); // urumqi-2023 第十九条（二）: 建设期满前3个月

const items: ItemSpec[] = [
  // urumqi-2023 附件2 制度建设（10分）
  {
    id: 'U1',
    max: 2,
    label: '建立组织体系，明确岗位及成员职责',
    rule: '未建立不得分；不完整视情扣分',
    article: `${P} 附件2 制度建设`,
    period: 'cycle',
    evidence: (ctx) => flagItem(ctx, 'dutiesDefined', 2, '建立组织体系、明确岗位及成员职责'),
  },
  {
    id: 'U2',
    max: 2,
    label: '制定完善的年度计划',
    rule: '未制定年度计划不得分',
    article: `${P} 附件2 制度建设`,
    period: 'cycle',
    evidence: (ctx) =>
      recordsItem(
        documentsFor(ctx, 'annual_plan', cycleYears(ctx)),
        2,
        `本周期（${cycleYears(ctx).join('、') || '无'} 年）年度计划`,
      ),
  },
  {
    id: 'U3',
    max: 2,
    label: '日常管理规定张贴上墙',
    rule: '未张贴管理规定不得分',
    article: `${P} 附件2 制度建设`,
    period: 'none',
    evidence: (ctx) => flagItem(ctx, 'rulesPosted', 2, '张贴管理规定'),
  },
  {
    id: 'U4',
    max: 2,
    label: '有明显的工作室标识牌',
    rule: '未张贴标识牌不得分',
    article: `${P} 附件2 制度建设`,
    period: 'none',
    evidence: (ctx) => flagItem(ctx, 'hasSign', 2, '设置工作室标识牌'),
  },
  {
    id: 'U5',
    max: 2,
    label: '有工作室成果荣誉展示栏',
    rule: '无展示栏不得分',
    article: `${P} 附件2 制度建设`,
    period: 'none',
    evidence: (ctx) => flagItem(ctx, 'hasHonoursBoard', 2, '设置成果荣誉展示栏'),
  },
  // urumqi-2023 附件2 保障建设（35分）
  {
    id: 'U6',
    max: 20,
    label: '建设周期内单位配套资金不少于10万元',
    rule: '无配套资金不得分，每少1万元扣2分（按比例）',
    article: `${P} 附件2 保障建设；第十三条`,
    period: 'cycle',
    evidence: (ctx) => {
      const { total, records } = fundSum(ctx, cycle(ctx), 'unit_matching');
      if (total <= 0) return none(records, `本周期无单位配套资金，不得分。`);
      const short = Math.max(0, MATCHING_MIN - total);
      const lost = (2 * short) / 10_000; // 每少1万元扣2分, proportional
      const ds =
        short > 0
          ? [
              deduction(
                'shortfall',
                lost,
                `配套资金少 ${yuan(short)}，每少1万元扣2分，扣 ${num(lost)} 分`,
              ),
            ]
          : [];
      return auto(
        20 - lost,
        records,
        `本周期单位配套资金 ${yuan(total)}（要求 ${yuan(MATCHING_MIN)}）。`,
        ds,
      );
    },
  },
  {
    id: 'U7',
    max: 5,
    label: '拥有30平方以上学习交流场所',
    rule: '没有不得分；低于标准的视情扣分',
    article: `${P} 附件2 保障建设`,
    period: 'none',
    evidence: (ctx) => {
      const a = ctx.facts.studio.areaSqm;
      if (typeof a !== 'number' || a <= 0)
        return none(['studio.areaSqm'], '无学习交流场所记录，不得分。');
      if (a >= AREA_MIN)
        return auto(
          5,
          ['studio.areaSqm'],
          `学习交流场所 ${num(a)} 平方米，达到 ${AREA_MIN} 平方米。`,
        );
      return needsJudgment(
        ['studio.areaSqm'],
        `学习交流场所 ${num(a)} 平方米，低于 ${AREA_MIN} 平方米，视情扣分。`,
      );
    },
  },
  {
    id: 'U8',
    max: 5,
    label: '配备与工作目标相一致的设施设备',
    rule: '无配备不得分；不合理视情扣分',
    article: `${P} 附件2 保障建设`,
    period: 'none',
    evidence: (ctx) => flagItem(ctx, 'hasEquipment', 5, '配备设施设备'),
  },
  {
    id: 'U9',
    max: 5,
    label: '拥有2名以上正式员工的技术技能人才团队',
    rule: '没有不得分，每少1人扣2.5分',
    article: `${P} 附件2 保障建设；第七条（二）`,
    period: 'none',
    evidence: (ctx) => {
      const t = teamTally(ctx, { fullTimeOnly: true, includeLeader: false });
      const ids = t.counted.map((c) => c.record);
      if (t.actual === 0) return none(ids, '无正式员工团队成员，不得分。');
      const short = Math.max(0, TEAM_MIN - t.actual);
      const ds = short
        ? [deduction('shortfall', 2.5 * short, `少 ${short} 人，每少1人扣2.5分`)]
        : [];
      return auto(5 - 2.5 * short, ids, t.summary, ds);
    },
  },
  // urumqi-2023 附件2 技术攻关、研发（15分）: 视情况酌情扣分 → judged
  ...(
    [
      ['U10', '解决本单位实际生产或技术难题', ['tech_project']],
      ['U11', '承担本单位生产设备改造及技术革新', ['renovation']],
      ['U12', '相关技术成果得到推广与采用', ['tech_project', 'renovation']],
      ['U13', '发明相关技术专利，或创新相关工艺技术', []],
      ['U14', '承担本单位（行业）相关技术研发项目', ['tech_project']],
    ] as const
  ).map(([id, label, kinds]): ItemSpec => ({
    id,
    max: 3,
    label,
    rule: '视情况酌情扣分（评审打分）',
    article: `${P} 附件2 技术攻关、研发`,
    period: 'cycle',
    evidence: (ctx) => {
      const refs =
        id === 'U13'
          ? achievementTally(ctx, cycle(ctx), ['patent', 'innovation']).counted.map((c) => c.record)
          : activitiesOfKinds(ctx, cycle(ctx), kinds);
      return needsJudgment(refs, `${label}：相关记录 ${list(refs)}，由评审打分。`);
    },
  })),
  // urumqi-2023 附件2 带徒传艺（30分）
  {
    id: 'U15',
    max: 2,
    label: '制定年度带徒计划，建立培训花名册',
    rule: '未制定带徒计划的扣1分，未建立花名册的扣1分',
    article: `${P} 附件2 带徒传艺`,
    period: 'cycle',
    evidence: (ctx) => {
      const plans = documentsFor(ctx, 'mentoring_plan', cycleYears(ctx));
      const roster = rosterSize(ctx, cycle(ctx));
      const ds = [];
      if (!plans.length) ds.push(deduction('no_plan', 1, '本周期无年度带徒计划，扣1分'));
      if (!roster) ds.push(deduction('no_roster', 1, '无在册学徒（培训花名册），扣1分'));
      const basedOn = [...plans, ...(roster ? ['apprentices'] : [])];
      return auto(
        2 - ds.length,
        basedOn,
        `带徒计划：${list(plans)}；花名册在册学徒 ${roster} 人。`,
        ds,
      );
    },
  },
  {
    id: 'U16',
    max: 1,
    label: '签订师带徒协议',
    rule: '无签订不得分',
    article: `${P} 附件2 带徒传艺`,
    period: 'cycle',
    evidence: (ctx) => {
      const from = cycle(ctx).from;
      const ids = ctx.facts.apprentices
        .filter(
          (a) =>
            a.agreementSignedOn &&
            a.agreementSignedOn <= ctx.asOf &&
            !(a.leftOn && a.leftOn < from),
        )
        .map((a) => a.id);
      return recordsItem(ids, 1, '已签订师带徒协议的在册学徒');
    },
  },
  {
    id: 'U17',
    max: 2,
    label: '带徒过程及日常技艺培训指导有详细记录',
    rule: '无记录不得分',
    article: `${P} 附件2 带徒传艺`,
    period: 'cycle',
    evidence: (ctx) =>
      recordsItem(activitiesOfKinds(ctx, cycle(ctx), ['training']), 2, '本周期带徒及技艺培训记录'),
  },
  {
    id: 'U18',
    max: 25,
    label: '每2年培养5名高技能人才',
    rule: '每少1人扣5分',
    article: `${P} 附件2 带徒传艺；第四条`,
    period: 'cycle',
    evidence: (ctx) => {
      const t = talentTally(ctx, cycle(ctx));
      const short = Math.max(0, TALENTS_PER_CYCLE - t.actual);
      const ds = short
        ? [deduction('shortfall', 5 * short, `少培养 ${short} 人，每少1人扣5分`)]
        : [];
      return auto(
        25 - 5 * short,
        t.counted.map((c) => c.record),
        t.summary,
        ds,
      );
    },
  },
  // urumqi-2023 附件2 技术交流（10分）
  {
    id: 'U19',
    max: 4,
    label: '定期组织企业内部技术培训及交流',
    rule: '视情况酌情扣分（评审打分）',
    article: `${P} 附件2 技术交流`,
    period: 'cycle',
    evidence: (ctx) => {
      const refs = activitiesOfKinds(ctx, cycle(ctx), ['training', 'internal_exchange']);
      return needsJudgment(
        refs,
        `本周期内部培训及交流 ${refs.length} 次（${list(refs)}），由评审打分。`,
      );
    },
  },
  {
    id: 'U20',
    max: 3,
    label: '每年开展一次以上业内技术交流会等活动',
    rule: '未开展的不得分（周期涉及的每个自然年都须开展）',
    article: `${P} 附件2 技术交流`,
    period: 'cycle',
    evidence: (ctx) => {
      const years = yearsTouched(cycle(ctx), ctx.asOf);
      if (!years.length) return none([], '考核期尚未开始，无业内技术交流记录。');
      const refs: string[] = [];
      const missing: number[] = [];
      for (const y of years) {
        const ids = activitiesOfKinds(ctx, y, ['industry_exchange']);
        if (ids.length) refs.push(...ids);
        else missing.push(yearOf(y.from));
      }
      if (missing.length)
        return none(refs, `${missing.join('、')} 年未开展业内技术交流活动，不得分。`);
      return auto(
        3,
        refs,
        `本周期涉及的 ${years.map((y) => yearOf(y.from)).join('、')} 年均开展了业内技术交流（${list(refs)}）。`,
      );
    },
  },
  {
    id: 'U21',
    max: 3,
    label: '履行社会责任，参加技能服务社会活动',
    rule: '未参加的不得分',
    article: `${P} 附件2 技术交流`,
    period: 'cycle',
    evidence: (ctx) =>
      recordsItem(
        activitiesOfKinds(ctx, cycle(ctx), ['social_service']),
        3,
        '本周期技能服务社会活动',
      ),
  },
  // urumqi-2023 附件2 加分项目（10分）
  {
    id: 'UB1',
    max: 4,
    bonus: true,
    label: '技师、高级技师培养有成效',
    rule: '培养技师1人得0.5分，高级技师1人得1分',
    article: `${P} 附件2 加分项目`,
    period: 'cycle',
    evidence: (ctx) => {
      const t = talentTally(ctx, cycle(ctx));
      let pts = 0;
      const refs: string[] = [];
      for (const [, b] of t.best) {
        if (isAtLeast(b.level, 'senior_technician')) pts += 1;
        else if (b.level === 'technician') pts += 0.5;
        else continue;
        refs.push(b.record);
      }
      return auto(
        Math.min(4, pts),
        refs,
        `本周期培养技师/高级技师 ${refs.length} 人（${list(refs)}），计 ${num(pts)} 分${pts > 4 ? '，封顶 4 分' : ''}。`,
      );
    },
  },
  {
    id: 'UB2',
    max: 2,
    bonus: true,
    label: '市级及以上媒体报道过工作室建设情况',
    rule: '以新闻视频或报刊报道为依据',
    article: `${P} 附件2 加分项目`,
    period: 'cycle',
    evidence: (ctx) => {
      const t = achievementTally(ctx, cycle(ctx), ['media'], (a) =>
        levelAtLeast(a.level, 'city') ? null : { reason: 'not_a_result', detail: '低于市级' },
      );
      const ids = t.counted.map((c) => c.record);
      return ids.length
        ? auto(2, ids, `市级及以上媒体报道：${list(ids)}。`)
        : auto(0, [], '本周期无市级及以上媒体报道。');
    },
  },
  {
    id: 'UB3',
    max: 2,
    bonus: true,
    label: '获得国家专利或自治区级及以上奖项',
    rule: '以有关证书文件为依据',
    article: `${P} 附件2 加分项目`,
    period: 'cycle',
    evidence: (ctx) => {
      const t = achievementTally(ctx, cycle(ctx), ['patent', 'award'], (a) =>
        a.kind === 'patent'
          ? a.level === 'national'
            ? null
            : { reason: 'not_a_result', detail: '非国家专利' }
          : levelAtLeast(a.level, 'provincial')
            ? null
            : { reason: 'not_a_result', detail: '低于自治区级' },
      );
      const ids = t.counted.map((c) => c.record);
      return ids.length
        ? auto(2, ids, `国家专利或自治区级及以上奖项：${list(ids)}。`)
        : auto(0, [], '本周期无国家专利或自治区级及以上奖项。');
    },
  },
  {
    id: 'UB4',
    max: 2,
    bonus: true,
    label: '发表论文或公开出版教材书籍',
    rule: '以相关实物或书刊资料为依据',
    article: `${P} 附件2 加分项目`,
    period: 'cycle',
    evidence: (ctx) => {
      const ids = achievementTally(ctx, cycle(ctx), ['publication']).counted.map((c) => c.record);
      return ids.length
        ? auto(2, ids, `论文或教材：${list(ids)}。`)
        : auto(0, [], '本周期无论文或教材。');
    },
  },
];

// urumqi-2023 附件2 乌鲁木齐市技能大师工作室考核评估标准: the rows as printed (考核项目, 考核细则, 评分标准).
const URUMQI_FORM: AnnexForm = {
  title: '乌鲁木齐市技能大师工作室考核评估标准',
  rows: {
    U1: {
      section: '制度建设',
      content: '建立组织体系，明确岗位及成员职责',
      criteria: '未建立不得分；不完整视情扣分',
    },
    U2: { section: '制度建设', content: '制定完善的年度计划', criteria: '未制定年度计划不得分' },
    U3: {
      section: '制度建设',
      content: '制定完善的各项日常管理规定并张贴上墙',
      criteria: '未张贴管理规定不得分',
    },
    U4: { section: '制度建设', content: '有明显的工作室标识牌', criteria: '未张贴标识牌不得分' },
    U5: { section: '制度建设', content: '有工作室成果荣誉展示栏', criteria: '无展示栏不得分' },
    U6: {
      section: '保障建设',
      content: '申办单位在建设周期内对工作室配套相应的资金不少于10万元',
      criteria: '无配套资金不得分，每少1万元扣2分',
    },
    U7: {
      section: '保障建设',
      content: '拥有30平方以上学习交流场所',
      criteria: '没有不得分；低于标准的视情扣分',
    },
    U8: {
      section: '保障建设',
      content: '配备与工作目标相一致的设施设备',
      criteria: '无配备不得分；不合理视情扣分',
    },
    U9: {
      section: '保障建设',
      content: '拥有2名以上正式员工的技术技能人才团队',
      criteria: '没有不得分，每少1人扣2.5分',
    },
    U10: {
      section: '技术攻关、研发',
      content: '解决本单位实际生产或技术难题',
      criteria: '视情况酌情扣分',
    },
    U11: {
      section: '技术攻关、研发',
      content: '承担本单位生产设备改造及技术革新',
      criteria: '视情况酌情扣分',
    },
    U12: {
      section: '技术攻关、研发',
      content: '相关技术成果得到推广与采用',
      criteria: '视情况酌情扣分',
    },
    U13: {
      section: '技术攻关、研发',
      content: '发明相关技术专利，或创新相关工艺技术',
      criteria: '视情况酌情扣分',
    },
    U14: {
      section: '技术攻关、研发',
      content: '承担本单位（行业）相关技术研发项目',
      criteria: '视情况酌情扣分',
    },
    U15: {
      section: '带徒传艺',
      content: '制定年度带徒计划，建立培训花名册',
      criteria: '未制定带徒计划的扣1分，未建立花名册的扣1分',
    },
    U16: { section: '带徒传艺', content: '签订师带徒协议', criteria: '无签订不得分' },
    U17: {
      section: '带徒传艺',
      content: '带徒过程及日常技艺培训指导有详细记录',
      criteria: '无记录不得分',
    },
    U18: { section: '带徒传艺', content: '每2年培养5名高技能人才', criteria: '每少1人扣5分' },
    U19: {
      section: '技术交流',
      content: '定期组织企业内部技术培训及交流',
      criteria: '视情况酌情扣分',
    },
    U20: {
      section: '技术交流',
      content: '每年开展一次以上业内技术交流会等活动',
      criteria: '未开展的不得分',
    },
    U21: {
      section: '技术交流',
      content: '履行社会责任，参加技能服务社会活动',
      criteria: '未参加的不得分',
    },
    UB1: {
      section: '加分项目',
      content: '技师、高级技师培养有成效',
      criteria: '培养技师1人得0.5分，高级技师1人得1分',
    },
    UB2: {
      section: '加分项目',
      content: '市级及以上媒体报道过工作室建设情况',
      criteria: '以新闻视频或报刊报道为依据',
    },
    UB3: {
      section: '加分项目',
      content: '获得国家专利或自治区级及以上奖项',
      criteria: '以有关证书文件为依据',
    },
    UB4: {
      section: '加分项目',
      content: '工作室的创新成果、特色生产操作方法等发表过论文，或公开出版教材书籍',
      criteria: '以相关实物或书刊资料为依据',
    },
  },
  printedTotal: '110', // urumqi-2023 附件2 总分 110 (基础分100 + 加分项目10)
};

export const urumqi2023: PolicyDefinition = {
  id: P,
  title: '乌鲁木齐市技能大师工作室建设管理办法',
  jurisdiction: '新疆维吾尔自治区乌鲁木齐市',
  document: '乌人社规〔2023〕1号',
  seedFile: '003_f2928aa4d7cae797.txt',
  issuedOn: '2023-08-28', // urumqi-2023 第二十二条
  validTo: '2028-08-27', // urumqi-2023 第二十二条: 有效期至2028年8月27日
  cycleYears: 2, // urumqi-2023 第十九条: 建设周期为2年
  cycleArticle: `${P} 第十九条`,
  targets: [highSkillTalents, teamSize, industryExchanges],
  deadlines: [
    annualPlanDeadline(`${P} 第十九条（一）`),
    annualSummaryDeadline(`${P} 第十九条（一）`),
    assessment, // 建设期满前3个月
  ],
  findings: [
    notYetRecognizedRule(`${P} 第十九条`),
    // 第七条 opens with "一般应具有以下条件", a formula over the whole list (which also holds
    // 有职业道德: 拥护中国共产党的领导…), not a hedge on one rule: its conditions are required
    // (see ambiguities).
    targetShortfallRule({ rule: 'team_size', target: teamSize, severity: 'required' }),
    leaderLevelRule({ floor: 'technician', severity: 'required', article: `${P} 第七条（一）` }),
    leaderRetirementRule({ minYears: 2, severity: 'required', article: `${P} 第七条（一）` }), // 距法定退休年龄2年以上（含2年）
    leaderRetiredRule({
      severity: 'required',
      article: `${P} 第十八条（一）`,
      consequence: '应申请撤销称号或变更领办人；返聘或延迟退休须书面申请备案',
    }),
    studioNameRule({
      suffix: '技能大师工作室',
      severity: 'required',
      article: `${P} 第九条（二）`,
    }),
    inactivityRule({ windowYears: 4, article: `${P} 第二十条（一）`, warnMonths: 9 }), // 评选为市级工作室4年内，超过一年以上不开展工作
    {
      rule: 'matching_funds',
      severity: 'required',
      article: `${P} 第十三条`,
      rule_zh:
        '申办单位须在建设周期内提供不低于市级补助（10万元）的配套资金（期满考核截止日前为提醒，之后为必须）',
      check: (ctx) => {
        if (ctx.asOf < ctx.facts.studio.recognizedOn) return [];
        const { total } = fundSum(ctx, cycle(ctx), 'unit_matching');
        if (total >= MATCHING_MIN) return [];
        const due = assessment.compute(ctx).dueOn;
        return [
          {
            rule: 'matching_funds',
            severity: ctx.asOf > due ? 'required' : 'advisory',
            article: `${P} 第十三条`,
            message: `本建设周期截至 ${ctx.asOf} 单位配套资金 ${yuan(total)}，须在周期内不低于 ${yuan(MATCHING_MIN)}（期满考核 ${due}）（${P} 第十三条）。`,
            data: { total, required: MATCHING_MIN },
          },
        ];
      },
    },
    vetoRule(
      `${P} 第二十条`,
      '第二十条所列取消称号情形（弄虚作假、谎报成果、违规挪用资金、不配合管理考核等）',
    ),
    policyExpiredRule('2028-08-27', `${P} 第二十二条`),
  ],
  assessment: {
    kind: 'items',
    article: `${P} 附件2；第十九条（二）`,
    baseMax: 100, // urumqi-2023 附件2 基础分100分
    bonusMax: 10, // urumqi-2023 附件2 加分项目 (4+2+2+2)
    period: 'cycle',
    items,
    // urumqi-2023 第十九条（二）: 90分及以上优秀，60分及以上合格，60分以下不合格
    grades: [
      { grade: 'excellent', min: 90 },
      { grade: 'pass', min: 60 },
    ],
    vetoArticle: `${P} 第二十条`,
    form: URUMQI_FORM,
  },
  ambiguities: [
    {
      topic: '第七条的“一般”',
      source:
        '第七条：“申请建立技能大师工作室，一般应具有以下条件”，其下列出领办人技师以上、距法定退休2年以上（含2年）、不少于2名正式员工。摘要（policy-digest）未标注“一般”。',
      reading:
        '“一般应具有以下条件”是整条申办条件的引导语，所列条件还包括“拥护中国共产党的领导”等显然不可豁免的内容，并非对单项条件的“原则上”式放宽；摘要亦将其列为硬性条件。故领办人技师以上、距法定退休2年以上（含2年）、不少于2名正式员工均报告为 required（必须）。考核表 U9 另按团队人数计分。',
    },
    {
      topic: '“超过一年以上不开展工作”',
      source: '第二十条（一）：评选为市级工作室4年内，“超过一年以上不开展工作的”取消称号。',
      reading:
        '“工作”以活动记录为准（任意类型）。从认定日或上一次活动起，到下一次活动或统计日止，间隔超过一年（晚于起点加一年）即构成；恰好一年不构成。只看认定后4年内。连续9个月无活动给出 inactivity_risk 提醒。',
    },
    {
      topic: 'U20 “每年开展一次以上”',
      source: '附件2：每年开展一次以上业内技术交流会等活动，未开展的不得分。',
      reading:
        '按合同：考核周期涉及的每个自然年（截至统计日，年内只看周期内的日期）都须有业内技术交流，否则 0 分。年初尚未开展的当年也计为缺失。',
    },
    {
      topic: 'U2 / U15 的“年度计划”',
      source: '附件2：制定完善的年度计划；制定年度带徒计划。',
      reading: '本周期涉及的任一自然年的 annual_plan / mentoring_plan，在统计日前报送即可。',
    },
    {
      topic: 'U6 配套资金的比例扣分',
      source: '附件2：无配套资金不得分，每少1万元扣2分。',
      reading: '按合同按比例扣：少 15,000 元扣 3 分；只计本周期内、统计日前的 unit_matching。',
    },
    {
      topic: 'U16 / U17 的证据',
      source: '附件2：签订师带徒协议；带徒过程及日常技艺培训指导有详细记录。',
      reading:
        'U16：本周期在册学徒中有人在统计日前签订协议即满分。U17：本周期有 training 类活动记录即满分。',
    },
    {
      topic: 'UB3 “国家专利”',
      source: '附件2：获得国家专利或自治区级及以上奖项。',
      reading:
        'level 为 national 的 patent，或 level 为 provincial/national 的 award（自治区级=省级）。',
    },
    {
      topic: '期满考核的完成状态',
      source: '第十九条（二）：建设期满前3个月由区（县）人社局进行期满考核。',
      reading: '事实中没有考核记录，cycle_assessment 的 done 恒为 false，只给出截止日。',
    },
  ],
};
