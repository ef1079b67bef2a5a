/**
 * yuzhong-2023: 重庆市渝中区区级技能大师工作室管理办法（试行）（渝中人社〔2023〕26号）.
 * Text: docs/policies/yuzhong-2023.txt. Every number below cites its article there.
 * The seed gives a 120-point scale without items: the sheet grades the panel's total.
 */
import { type RuleContext } from '../context.js';
import { annualPlanDeadline } from '../deadlines.js';
import { yuan } from '../explanations.js';
import { notYetRecognizedRule, vetoRule } from '../findings/common.js';
import { leaderAgeRule, leaderLevelRule, leaderRetiredRule } from '../findings/leader.js';
import { simpleRule } from '../findings/simple.js';
import { studioNameRule } from '../findings/studio-name.js';
import { targetShortfallRule } from '../findings/target-shortfall.js';
import { LABELS_ZH } from '../labels.js';
import type { PolicyDefinition, TargetSpec } from '../policy-definition.js';
import { isAtLeast } from '../skill-levels.js';
import { fundSum } from '../tallies/funds.js';
import { teamTally } from '../tallies/team.js';

const P = 'yuzhong-2023';
const MATCHING_MIN = 50_000; // yuzhong-2023 第十六条: 所在单位按不少于5万元配套
const MEMBER_YEARS = 5; // yuzhong-2023 第十条（四）: 5年以上从事本职业（工种）技术技能岗位经历

const teamSize: TargetSpec = {
  id: 'team_size',
  required: 3, // yuzhong-2023 第五条（二）: 领衔一个3—15人专家团队
  max: 15,
  period: 'none',
  article: `${P} 第五条（二）`,
  rule: '领衔一个3—15人专家团队（含领衔专家）',
  tally: (ctx) => teamTally(ctx, { fullTimeOnly: false, includeLeader: true }),
};

function memberProblems(ctx: RuleContext): string | null {
  const problems: string[] = [];
  for (const m of ctx.facts.members) {
    const bits: string[] = [];
    if (!isAtLeast(m.skillLevel, 'technician'))
      bits.push(`${LABELS_ZH.skillLevels[m.skillLevel]}，低于技师`);
    if (typeof m.yearsInTrade === 'number' && m.yearsInTrade < MEMBER_YEARS)
      bits.push(`从业 ${m.yearsInTrade} 年，不足 ${MEMBER_YEARS} 年`);
    if (bits.length) problems.push(`${m.name}（${bits.join('；')}）`);
  }
  if (!problems.length) return null;
  return `成员一般应具备技师及以上职业资格或中级以上职称、${MEMBER_YEARS} 年以上本职业经历：${problems.join('、')}（如有中级以上职称可不计）（${P} 第十条（四））。`;
}

export const yuzhong2023: PolicyDefinition = {
  id: P,
  title: '重庆市渝中区区级技能大师工作室管理办法（试行）',
  jurisdiction: '重庆市渝中区',
  document: '渝中人社〔2023〕26号',
  seedFile: '000_b7ecbca210677fae.txt',
  issuedOn: '2023-03-15', // yuzhong-2023 通知落款 2023年3月15日
  validTo: null,
  cycleYears: 2, // yuzhong-2023 第十一条: 每两年对工作室进行一次考核评估
  cycleArticle: `${P} 第十一条`,
  targets: [teamSize],
  deadlines: [annualPlanDeadline(`${P} 第十四条`)], // 每年12月底前报送次年工作计划
  findings: [
    notYetRecognizedRule(`${P} 第六条`),
    targetShortfallRule({ rule: 'team_size', target: teamSize, severity: 'required' }),
    leaderLevelRule({ floor: 'technician', severity: 'required', article: `${P} 第五条（二）` }),
    leaderAgeRule({ maxAge: 55, severity: 'advisory', article: `${P} 第五条（二）` }), // 年龄一般在55周岁及以下
    leaderRetiredRule({
      severity: 'advisory',
      article: `${P} 第十三条`,
      consequence: '可取消工作室及待遇，也可由原单位申请变更命名专家',
    }),
    studioNameRule({ suffix: '区级技能大师工作室', severity: 'required', article: `${P} 第七条` }),
    simpleRule({
      rule: 'member_qualification',
      severity: 'advisory',
      article: `${P} 第十条（四）`,
      rule_zh: '成员一般应具备技师及以上职业资格或中级以上职称，5年以上本职业（工种）经历',
      test: memberProblems,
    }),
    simpleRule({
      rule: 'matching_funds',
      severity: 'required',
      article: `${P} 第十六条`,
      rule_zh: '所在单位按不少于5万元配套',
      test: (ctx) => {
        if (ctx.asOf < ctx.facts.studio.recognizedOn) return null;
        const { total } = fundSum(ctx, null, 'unit_matching');
        return total >= MATCHING_MIN
          ? null
          : `截至 ${ctx.asOf} 单位配套资金合计 ${yuan(total)}，应不少于 ${yuan(MATCHING_MIN)}（${P} 第十六条）。`;
      },
    }),
    simpleRule({
      rule: 'annual_matching',
      severity: 'advisory',
      article: `${P} 第十六条`,
      rule_zh: '所在单位每年均应配套一定的资金',
      test: (ctx) => {
        if (ctx.year.from <= ctx.facts.studio.recognizedOn) return null; // the recognition year is covered by the initial matching
        return fundSum(ctx, ctx.year, 'unit_matching').total > 0
          ? null
          : `${ctx.year.from.slice(0, 4)} 年截至 ${ctx.asOf} 尚无单位配套资金记录；所在单位每年均应配套一定资金（${P} 第十六条）。`;
      },
    }),
    simpleRule({
      rule: 'fund_ledger',
      severity: 'required',
      article: `${P} 第十条（五）`,
      rule_zh: '建立专门台账，对工作室经费专门管理',
      test: (ctx) =>
        ctx.facts.studio.hasFundRules === false
          ? `未建立经费专门台账，须专款专用（${P} 第十条（五））。`
          : null,
    }),
    vetoRule(`${P} 第十二条`, '弄虚作假、违反职业道德、违法违纪等取消资格情形'),
  ],
  assessment: {
    kind: 'total',
    article: `${P} 第十一条`,
    max: 120, // yuzhong-2023 第十一条: 采用120分制
    // yuzhong-2023 第十一条: 合格（75分及以上）；不合格（74分以下）: any total < 75 fails
    grades: [{ grade: 'pass', min: 75 }],
  },
  ambiguities: [
    {
      topic: '“74分以下”与 75 分及以上之间',
      source:
        '第十一条：合格（考核75分及以上）、不合格（考核74分以下）。74 与 75 之间（如 74.5）两头都不覆盖。',
      reading: '低于 75 分一律不合格（74.5 → fail），75 → pass。',
    },
    {
      topic: '优秀奖',
      source: '第十一条：从合格工作室中产生优秀奖，原则上不超过合格数量的20%。',
      reading: '这是同一轮全区名额，单个工作室无法判定，grade 只给 pass/fail，不给 excellent。',
    },
    {
      topic: '没有分项',
      source: '第十一条只有 120 分制和合格线，未给考核细则。',
      reading:
        'items 为空，按 assessmentTotal（评审总分，0–120）评定；未录入时 complete = false、grade = null。',
    },
    {
      topic: '3—15人团队是否含领衔专家',
      source: '第五条（二）：领衔一个3—15人专家团队。',
      reading: '按摘要：含领衔专家，actual = 成员数 + 1，要求 3 ≤ actual ≤ 15；不要求全职。',
    },
    {
      topic: '年龄“55周岁及以下”',
      source: '第五条（二）：年龄一般在55周岁及以下。',
      reading: '统计日周岁（满 56 周岁起）超过 55 给出 advisory；“一般”故为提醒。',
    },
    {
      topic: '每年工作6个月以上、负责人与联系人、档案',
      source: '第五条（二）、第十条（三）（六）。',
      reading: '事实中没有相应字段，不检查（见 docs/policies.md 的未覆盖规则）。',
    },
    {
      topic: '考核周期',
      source: '第十一条：每两年考核一次，未写起算日。',
      reading:
        '不生成考核截止日；只对 assessmentTotal 评定等次。不合格有三个月整改期（文字说明）。',
    },
  ],
};
