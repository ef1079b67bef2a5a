/**
 * gongshu-2020: 关于申报2020年拱墅区技能大师工作室的通知（征求意见稿）+ 附件2 考核表.
 * Text: docs/policies/gongshu-2020.txt. Every number below cites its article there.
 * Over 300 lines: one policy is one file (targets, deadlines, findings and the 考核表 items with
 * their grades), so that it reads side by side with its text.
 */
import { periodOf, type RuleContext } from '../context.js';
import { renewalDeadline } from '../deadlines.js';
import { num } from '../explanations.js';
import { notYetRecognizedRule, policyDraftRule, vetoRule } from '../findings/common.js';
import { leaderLevelRule, leaderRetiredRule, leaderRetirementRule } from '../findings/leader.js';
import { studioNameRule } from '../findings/studio-name.js';
import { targetShortfallRule } from '../findings/target-shortfall.js';
import type { AnnexForm, ItemSpec, PolicyDefinition, TargetSpec } from '../policy-definition.js';
import {
  auto,
  deduction,
  flagItem,
  judgedRecordsItem,
  list,
  needsJudgment,
  none,
  unrecorded,
} from '../scoring/evidence.js';
import { isAtLeast } from '../skill-levels.js';
import { achievementTally, levelAtLeast } from '../tallies/achievements.js';
import { activitiesOfKinds } from '../tallies/activities.js';
import { mentoredTally, rosterSize } from '../tallies/mentored.js';
import { talentTally } from '../tallies/talents.js';
import { teamTally } from '../tallies/team.js';
import type { Deduction, Period } from '../types.js';

const P = 'gongshu-2020';
const year = (ctx: RuleContext): Period => periodOf(ctx, 'year')!;
/** The 3-year recognition term containing asOf. */
const term = (ctx: RuleContext): Period => periodOf(ctx, 'cycle')!;

const APPRENTICES_PER_YEAR = 8; // gongshu-2020 附件2 带徒传艺: 每年带徒传艺不少于8人
const TALENTS_PER_YEAR = 3; // gongshu-2020 附件2 带徒传艺: 每年培养高技能人才不少于3人
const TEAM_MIN = 3; // gongshu-2020 三.1: 除领衔人外应拥有不少于3人的技能人才团队

const apprenticesMentored: TargetSpec = {
  id: 'apprentices_mentored',
  required: APPRENTICES_PER_YEAR,
  period: 'year',
  article: `${P} 附件2 带徒传艺`,
  rule: '每年带徒传艺不少于8人（签订带徒协议、在册）',
  tally: (ctx, period) => mentoredTally(ctx, period!),
};

const highSkillTalents: TargetSpec = {
  id: 'high_skill_talents',
  required: TALENTS_PER_YEAR,
  period: 'year',
  article: `${P} 附件2 带徒传艺`,
  rule: '每年培养高技能人才（高级工及以上）不少于3人',
  tally: (ctx, period) => talentTally(ctx, period!),
};

const teamSize: TargetSpec = {
  id: 'team_size',
  required: TEAM_MIN,
  period: 'none',
  article: `${P} 三.1`,
  rule: '除领衔人外不少于3人的技能人才团队（需为申报单位人员）',
  tally: (ctx) => teamTally(ctx, { fullTimeOnly: false, includeLeader: false }),
};

const items: ItemSpec[] = [
  // gongshu-2020 附件2 日常管理与基础保障（30分）
  {
    id: 'G1',
    max: 10,
    label: '配备专用的工作场地、学习交流场地',
    rule: '未配备场地不得分，工作室标牌不明显扣2分，无成果荣誉展示栏扣3分',
    article: `${P} 附件2 日常管理与基础保障`,
    period: 'none',
    evidence: (ctx) => {
      const s = ctx.facts.studio;
      const refs = ['studio.areaSqm', 'studio.hasSign', 'studio.hasHonoursBoard'];
      if (typeof s.areaSqm !== 'number' || s.areaSqm <= 0)
        return none(['studio.areaSqm'], '无工作场地记录，不得分。');
      if (typeof s.hasSign !== 'boolean' || typeof s.hasHonoursBoard !== 'boolean') {
        return unrecorded(refs, `工作场地 ${num(s.areaSqm)} 平方米；标牌或荣誉展示栏情况未记录。`);
      }
      const ds: Deduction[] = [];
      if (!s.hasSign) ds.push(deduction('sign_missing', 2, '工作室标牌不明显，扣2分'));
      if (!s.hasHonoursBoard)
        ds.push(deduction('honours_board_missing', 3, '无成果荣誉展示栏，扣3分'));
      return auto(
        10 - ds.reduce((n, d) => n + d.points, 0),
        refs,
        `工作场地 ${num(s.areaSqm)} 平方米。`,
        ds,
      );
    },
  },
  {
    id: 'G2',
    max: 5,
    label: '配备正常运作的设备',
    rule: '设备不足影响操作扣5分',
    article: `${P} 附件2 日常管理与基础保障`,
    period: 'none',
    evidence: (ctx) => {
      const v = ctx.facts.studio.hasEquipment;
      if (v === true) return auto(5, ['studio.hasEquipment'], '设备配备正常。');
      if (v === false)
        return auto(0, ['studio.hasEquipment'], '设备不足影响操作。', [
          deduction('equipment_short', 5, '设备不足影响操作，扣5分'),
        ]);
      return unrecorded(['studio.hasEquipment'], '设备情况未记录。');
    },
  },
  {
    id: 'G3',
    max: 10,
    label: '经费使用符合财务管理规定，账目清楚',
    rule: '没有账目或经费管理办法的不得分；不合理、不合规开支视情（评审）',
    article: `${P} 附件2 日常管理与基础保障`,
    period: 'none',
    evidence: (ctx) => flagItem(ctx, 'hasFundRules', 10, '建立经费管理办法和账目'),
  },
  {
    id: 'G4',
    max: 5,
    label: '管理制度完善，明确岗位及成员职责，规章制度张贴上墙',
    rule: '没有建立制度或明确岗位职责的不得分，没有在明显处张贴的扣2分',
    article: `${P} 附件2 日常管理与基础保障`,
    period: 'none',
    evidence: (ctx) => {
      const s = ctx.facts.studio;
      if (s.dutiesDefined !== true)
        return none(['studio.dutiesDefined'], '未建立制度或明确岗位职责（或无记录），不得分。');
      if (typeof s.rulesPosted !== 'boolean')
        return unrecorded(
          ['studio.dutiesDefined', 'studio.rulesPosted'],
          '已建立制度；是否张贴上墙未记录。',
        );
      const ds = s.rulesPosted ? [] : [deduction('not_posted', 2, '制度未在明显处张贴，扣2分')];
      return auto(
        5 - (s.rulesPosted ? 0 : 2),
        ['studio.dutiesDefined', 'studio.rulesPosted'],
        '已建立制度、明确岗位职责。',
        ds,
      );
    },
  },
  // gongshu-2020 附件2 技术攻关（15分）: 未开展的不得分；开展情况不理想的视情况酌情扣分
  {
    id: 'G5',
    max: 5,
    label: '参与本单位技术改造或技术革新',
    rule: '未开展的不得分；开展情况不理想的视情况酌情扣分',
    article: `${P} 附件2 技术攻关`,
    period: 'cycle',
    evidence: (ctx) =>
      judgedRecordsItem(
        activitiesOfKinds(ctx, term(ctx), ['renovation']),
        '本认定期技术改造或技术革新',
      ),
  },
  {
    id: 'G6',
    max: 10,
    label: '总结推广技术成果，解决生产难题，产生一定经济效益',
    rule: '评审打分（评分标准栏为空，见歧义说明）',
    article: `${P} 附件2 技术攻关`,
    period: 'cycle',
    evidence: (ctx) => {
      const refs = [
        ...activitiesOfKinds(ctx, term(ctx), ['tech_project', 'renovation']),
        ...achievementTally(ctx, term(ctx), ['patent', 'innovation']).counted.map((c) => c.record),
      ];
      return needsJudgment(refs, `相关记录 ${list(refs)}，由评审打分。`);
    },
  },
  // gongshu-2020 附件2 技术交流（15分）: 未开展的不得分；开展情况不理想的视情况酌情扣分
  {
    id: 'G7',
    max: 5,
    label: '开展业内技术交流会、课题研讨会或展示活动',
    rule: '未开展的不得分；开展情况不理想的视情况酌情扣分',
    article: `${P} 附件2 技术交流`,
    period: 'cycle',
    evidence: (ctx) =>
      judgedRecordsItem(
        activitiesOfKinds(ctx, term(ctx), ['industry_exchange']),
        '本认定期业内技术交流',
      ),
  },
  {
    id: 'G8',
    max: 5,
    label: '履行社会责任，参加技能服务社会的有关活动',
    rule: '未开展的不得分；开展情况不理想的视情况酌情扣分',
    article: `${P} 附件2 技术交流`,
    period: 'cycle',
    evidence: (ctx) =>
      judgedRecordsItem(
        activitiesOfKinds(ctx, term(ctx), ['social_service']),
        '本认定期技能服务社会活动',
      ),
  },
  {
    id: 'G9',
    max: 5,
    label: '进行校企合作，培养技能人才、师徒结对等',
    rule: '未开展的不得分；开展情况不理想的视情况酌情扣分',
    article: `${P} 附件2 技术交流`,
    period: 'cycle',
    evidence: (ctx) =>
      judgedRecordsItem(
        activitiesOfKinds(ctx, term(ctx), ['school_cooperation']),
        '本认定期校企合作',
      ),
  },
  // gongshu-2020 附件2 带徒传艺（20分）
  {
    id: 'G10',
    max: 10,
    label: '建立名师带徒机制，签订带徒协议，每年带徒传艺不少于8人，建立学员花名册',
    rule: '未建立培训花名册的扣2分；每少培养1人扣1分',
    article: `${P} 附件2 带徒传艺`,
    period: 'year',
    evidence: (ctx) => {
      const t = mentoredTally(ctx, year(ctx));
      const roster = rosterSize(ctx, year(ctx));
      const short = Math.max(0, APPRENTICES_PER_YEAR - t.actual);
      const ds: Deduction[] = [];
      if (!roster) ds.push(deduction('no_roster', 2, '未建立学员花名册（本年无在册学徒），扣2分'));
      if (short) ds.push(deduction('shortfall', short, `少带徒 ${short} 人，每少1人扣1分`));
      return auto(
        10 - ds.reduce((n, d) => n + d.points, 0),
        t.counted.map((c) => c.record),
        t.summary,
        ds,
      );
    },
  },
  {
    id: 'G11',
    max: 10,
    label: '每年培养高技能人才不少于3人，建立学员花名册',
    rule: '未建立培训花名册的扣2分；每少培养1人扣3分，没培养不得分',
    article: `${P} 附件2 带徒传艺`,
    period: 'year',
    evidence: (ctx) => {
      const t = talentTally(ctx, year(ctx));
      const ids = t.counted.map((c) => c.record);
      if (t.actual === 0) return none([], `${t.summary}没培养不得分。`);
      const roster = rosterSize(ctx, year(ctx));
      const short = Math.max(0, TALENTS_PER_YEAR - t.actual);
      const ds: Deduction[] = [];
      if (!roster) ds.push(deduction('no_roster', 2, '未建立学员花名册，扣2分'));
      if (short) ds.push(deduction('shortfall', 3 * short, `少培养 ${short} 人，每少1人扣3分`));
      return auto(10 - ds.reduce((n, d) => n + d.points, 0), ids, t.summary, ds);
    },
  },
  // gongshu-2020 附件2 加分项（10分）: the calendar year of asOf
  {
    id: 'GB1',
    max: 5,
    bonus: true,
    label: '技师、高级技师培养有成效',
    rule: '每培养技师1人得1分，每培养高级技师1人得2分',
    article: `${P} 附件2 加分项`,
    period: 'year',
    evidence: (ctx) => {
      const t = talentTally(ctx, year(ctx));
      let pts = 0;
      const refs: string[] = [];
      for (const [, b] of t.best) {
        if (isAtLeast(b.level, 'senior_technician')) pts += 2;
        else if (b.level === 'technician') pts += 1;
        else continue;
        refs.push(b.record);
      }
      return auto(
        Math.min(5, pts),
        refs,
        `本年培养技师/高级技师 ${refs.length} 人（${list(refs)}），计 ${num(pts)} 分${pts > 5 ? '，封顶 5 分' : ''}。`,
      );
    },
  },
  {
    id: 'GB2',
    max: 3,
    bonus: true,
    label: '技术成果获得技术专利或奖项',
    rule: '每获得国家技术专利1例得2分；每获得市级及以上奖项1例得1分',
    article: `${P} 附件2 加分项`,
    period: 'year',
    evidence: (ctx) => {
      const t = achievementTally(ctx, year(ctx), ['patent', 'award'], (a) =>
        a.kind === 'patent'
          ? a.level === 'national'
            ? null
            : { reason: 'not_a_result', detail: '非国家专利' }
          : levelAtLeast(a.level, 'city')
            ? null
            : { reason: 'not_a_result', detail: '低于市级' },
      );
      const byId = new Map(ctx.facts.achievements.map((a) => [a.id, a.kind]));
      let pts = 0;
      for (const c of t.counted) pts += byId.get(c.record) === 'patent' ? 2 : 1;
      const ids = t.counted.map((c) => c.record);
      return auto(
        Math.min(3, pts),
        ids,
        `本年国家专利/市级及以上奖项：${list(ids)}，计 ${num(pts)} 分${pts > 3 ? '，封顶 3 分' : ''}。`,
      );
    },
  },
  {
    id: 'GB3',
    max: 2,
    bonus: true,
    label: '工作室获得市级及以上电视台、报刊报道',
    rule: '以新闻视频或报刊报道为依据',
    article: `${P} 附件2 加分项`,
    period: 'year',
    evidence: (ctx) => {
      const t = achievementTally(ctx, year(ctx), ['media'], (a) =>
        levelAtLeast(a.level, 'city') ? null : { reason: 'not_a_result', detail: '低于市级' },
      );
      const ids = t.counted.map((c) => c.record);
      return ids.length
        ? auto(2, ids, `本年市级及以上报道：${list(ids)}。`)
        : auto(0, [], '本年无市级及以上电视台、报刊报道。');
    },
  },
];

// gongshu-2020 附件2 拱墅区技能大师工作室考核表: the rows as printed (考核项目, 考核内容, 评分标准, 评估方式).
const GONGSHU_FORM: AnnexForm = {
  title: '拱墅区技能大师工作室考核表',
  rows: {
    G1: {
      section: '日常管理与基础保障',
      content: '配备专用的工作场地、学习交流场地等',
      criteria: '未配备场地不得分，工作室标牌不明显扣2分，无工作室成果荣誉展示栏扣3分',
      method: '实地考察',
    },
    G2: {
      section: '日常管理与基础保障',
      content: '配备正常运作的设备',
      criteria: '设备不足影响操作扣5分',
      method: '实地考察',
    },
    G3: {
      section: '日常管理与基础保障',
      content: '经费使用符合财务管理规定，账目清楚',
      criteria: '没有账目或经费管理办法的不得分；出现不合理、不合规开支的视情影响总评分',
      method: '材料审核',
    },
    G4: {
      section: '日常管理与基础保障',
      content: '管理制度完善，明确岗位及成员职责，规章制度张贴上墙',
      criteria: '没有建立制度或明确岗位职责的不得分，没有在明显处张贴的扣2分',
      method: '实地考察、材料审核',
    },
    G5: {
      section: '技术攻关',
      content: '参与本单位技术改造或技术革新',
      criteria: '未开展的不得分；开展情况不理想的视情况酌情扣分',
      method: '材料审核',
    },
    G6: {
      section: '技术攻关',
      content: '总结推广技术成果，解决生产难题，产生一定经济效益',
      criteria: '',
    },
    G7: {
      section: '技术交流',
      content: '开展业内技术交流会、课题研讨会或展示活动',
      criteria: '未开展的不得分；开展情况不理想的视情况酌情扣分',
      method: '材料审核',
    },
    G8: { section: '技术交流', content: '履行社会责任，参加技能服务社会的有关活动', criteria: '' },
    G9: { section: '技术交流', content: '进行校企合作，培养技能人才、师徒结对等', criteria: '' },
    G10: {
      section: '带徒传艺',
      content: '建立名师带徒机制，签订带徒协议，每年带徒传艺不少于8人，并建立学员花名册',
      criteria: '未建立培训花名册的扣2分；每少培养1人扣1分',
      method: '材料审核',
    },
    G11: {
      section: '带徒传艺',
      content: '每年培养高技能人才不少于3人，并建立学员花名册',
      criteria: '未建立培训花名册的扣2分；每少培养1人扣3分，没培养不得分',
    },
    GB1: {
      section: '加分项',
      content: '技师、高级技师培养有成效',
      criteria: '每培养技师1人得1分，每培养高级技师1人得2分',
      method: '材料审核',
    },
    GB2: {
      section: '加分项',
      content: '技术成果获得技术专利或奖项',
      criteria: '每获得国家技术专利1例得2分；每获得市级及以上奖项的，每提供1例得1分',
    },
    GB3: {
      section: '加分项',
      content: '工作室获得市级及以上电视台、报刊报道',
      criteria: '以新闻视频或报刊报道为依据',
    },
  },
  printedTotal: '100+10', // gongshu-2020 附件2 合计栏 (the items add up to 80+10, see ambiguities)
  veto: '工作室拒绝接受区人力资源和社会保障局考核管理的；申请承办的单位被注销或撤销的；工作室领衔人或工作室因违法违纪行为或者重大过失，给国家、集体、他人造成重大损失和严重后果的。',
};

export const gongshu2020: PolicyDefinition = {
  id: P,
  title: '关于申报2020年拱墅区技能大师工作室的通知',
  jurisdiction: '浙江省杭州市拱墅区',
  document: '拱墅区人社局 2020 年申报通知（征求意见稿）及附件2 考核表',
  seedFile: '002_01d535728a8b2534.txt',
  issuedOn: null,
  validTo: null,
  cycleYears: 3, // gongshu-2020 六.1: 申报新建的工作室，有效期为3年
  cycleArticle: `${P} 六.1`,
  targets: [apprenticesMentored, highSkillTalents, teamSize],
  deadlines: [renewalDeadline(`${P} 六.1`)],
  findings: [
    notYetRecognizedRule(`${P} 六.1`),
    targetShortfallRule({ rule: 'team_size', target: teamSize, severity: 'required' }),
    leaderLevelRule({
      floor: 'technician',
      severity: 'advisory',
      article: `${P} 三.1`,
      note: '或具有绝技绝活的技能人才',
    }),
    leaderRetirementRule({ minYears: 3, severity: 'advisory', article: `${P} 三.1` }), // 原则上应距法定退休年龄3年以上
    leaderRetiredRule({
      severity: 'required',
      article: `${P} 六.2`,
      consequence: '已退休的领衔人不列入考核且不进行延期',
    }),
    studioNameRule({ suffix: '技能大师工作室', severity: 'required', article: `${P} 三（一）2` }),
    vetoRule(
      `${P} 六.3；附件2 一票否决项`,
      '拒绝接受考核管理、承办单位被注销或撤销、违法违纪或重大过失',
    ),
    policyDraftRule(`${P} 标题`),
  ],
  assessment: {
    kind: 'items',
    article: `${P} 附件2`,
    baseMax: 80, // gongshu-2020 附件2: items add up to 30+15+15+20 = 80 (the form says 100)
    bonusMax: 10, // gongshu-2020 附件2 加分项（10分）: 5+3+2
    period: 'cycle',
    items,
    grades: null, // gongshu-2020 附件2 sets no pass mark
    vetoArticle: `${P} 六.3；附件2 一票否决项`,
    form: GONGSHU_FORM,
  },
  ambiguities: [
    {
      topic: '合计“100+10”与分项之和 80+10',
      source: '附件2 合计栏写“100+10”，但各考核项目分值为 30+15+15+20 = 80，加分项 10。',
      reading: '按分项计：基础分满分 80，加分 10，maxTotal = 90。',
    },
    {
      topic: '没有合格线',
      source: '附件2 只有分值，没有合格/优秀分数线；六.3 只规定一票否决直接不合格。',
      reading: 'grade 为 null（只报告得分）；有否决事项时为 fail。',
    },
    {
      topic: '征求意见稿',
      source:
        '种子标题为“关于申报2020年拱墅区技能大师工作室的通知（征求意见稿）”；摘要未注明是草稿。',
      reading: '照常计算，另给出 policy_draft 提醒。',
    },
    {
      topic: 'G6、G8、G9 评分标准栏为空',
      source:
        '附件2 表格中 G6（技术攻关第二行）、G8/G9（技术交流第二、三行）的评分标准和评估方式为空，可能是与上一行合并的单元格。',
      reading:
        '按摘要：G8、G9 按“未开展的不得分；视情况扣分”（有对应活动记录才可评审，否则 0）；G6 只按评审打分（无“没有不得分”规则，未评审为 pending），相关攻关/改造/专利记录列在 basedOn 中。',
    },
    {
      topic: '团队“需为申报单位人员”',
      source: '三.1：除领衔人外应拥有不少于3人的技能人才团队（需为申报单位人员）。',
      reading:
        '事实中只有 fullTime（正式员工）标记，而本条要求的是“单位人员”而非“正式员工”，因此计入全部成员（顺义、乌鲁木齐则只计 fullTime）。',
    },
    {
      topic: '距法定退休3年“在申请时”',
      source: '三.1：领衔人在申请时原则上应距法定退休年龄3年以上。',
      reading: '按合同在统计日计算，advisory。',
    },
    {
      topic: '学员花名册',
      source: '附件2：未建立培训花名册的扣2分。',
      reading:
        '事实中无花名册字段：本年有在册学徒（入室不晚于统计日和年末、未在年初前离开）即视为已建立。',
    },
    {
      topic: 'GB3 “per report”',
      source:
        '附件2：工作室获得市级及以上电视台、报刊报道，以新闻视频或报刊报道为依据，2分；摘要写作“per report”。',
      reading: '有一篇市级及以上报道即得满分 2 分（公共用例 gongshu-basic 一篇市级报道得 2 分）。',
    },
    {
      topic: 'G5–G9 的统计期',
      source: '附件2 未写统计期；合同只规定 G10、G11 和加分项按统计日所在自然年。',
      reading: 'G5–G9 的“有无开展”按包含统计日的3年认定期（截至统计日）判断。',
    },
    {
      topic: 'G1、G2、G4 子项未记录',
      source: '合同：缺失不等于“没有”；无“没有不得分”规则的证据缺失为 pending。',
      reading:
        '有场地但标牌/展示栏未记录、设备未记录、制度已建但是否上墙未记录：pending（可由评审分补上）。',
    },
  ],
};
