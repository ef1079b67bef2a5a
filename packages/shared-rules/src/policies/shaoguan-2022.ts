/**
 * shaoguan-2022: 韶关市市级技能大师工作室认定实施方案（韶人社函〔2022〕46号）.
 * Text: docs/policies/shaoguan-2022.txt. Every number below cites its article there.
 * No assessment sheet: the scheme sets no scoring (items: [], grade: null).
 */
import { addDays, addYears } from '../dates.js';
import { renewalDeadline } from '../deadlines.js';
import { notYetRecognizedRule, policyExpiredRule } from '../findings/common.js';
import { leaderLevelRule, leaderRetiredRule } from '../findings/leader.js';
import { targetShortfallRule } from '../findings/target-shortfall.js';
import type { PolicyDefinition, TargetSpec } from '../policy-definition.js';
import { achievementTally } from '../tallies/achievements.js';
import { talentTally } from '../tallies/talents.js';
import { teamTally } from '../tallies/team.js';

const P = 'shaoguan-2022';
const ISSUED_ON = '2022-04-27'; // shaoguan-2022 印发日期 2022年4月27日
const VALID_TO = addDays(addYears(ISSUED_ON, 5), -1); // shaoguan-2022 七: 自颁布之日起实施，有效期5年

const highSkillTalents: TargetSpec = {
  id: 'high_skill_talents',
  required: 4, // shaoguan-2022 二.3: 年度培养……高级工以上技能人才不低于4人
  period: 'year',
  article: `${P} 二.3`,
  rule: '每年培养与申报专业相同或相近的高级工以上技能人才不低于4人',
  tally: (ctx, period) => talentTally(ctx, period!),
};

const qualifiedCore: TargetSpec = {
  id: 'qualified_core',
  required: 3, // shaoguan-2022 一: 领办人及主要成员有3名均具备国家职业资格技师以上资质
  period: 'none',
  article: `${P} 一`,
  rule: '领办人及主要成员中有3名具备技师以上资质（含领办人）',
  tally: (ctx) =>
    teamTally(ctx, { fullTimeOnly: false, includeLeader: true, minLevel: 'technician' }),
};

const annualResults: TargetSpec = {
  id: 'annual_results',
  required: 1, // shaoguan-2022 二.4: 每年形成有价值的成果
  period: 'year',
  article: `${P} 二.4`,
  rule: '每年形成有价值的成果（专利、奖项、论文教材、创新成果；媒体报道不算成果）',
  tally: (ctx, period) =>
    achievementTally(
      ctx,
      period!,
      ['patent', 'award', 'publication', 'innovation', 'media'],
      (a) =>
        a.kind === 'media'
          ? { reason: 'not_a_result', detail: '媒体报道不是工作室形成的成果' }
          : null,
    ),
};

export const shaoguan2022: PolicyDefinition = {
  id: P,
  title: '韶关市市级技能大师工作室认定实施方案',
  jurisdiction: '广东省韶关市',
  document: '韶人社函〔2022〕46号',
  seedFile: '004_bb816d0ae4b34579.txt',
  issuedOn: ISSUED_ON,
  validTo: VALID_TO,
  cycleYears: 5, // shaoguan-2022 六.3: 认定有效期为5年，期满后可以申请延续
  cycleArticle: `${P} 六.3`,
  targets: [highSkillTalents, qualifiedCore, annualResults],
  deadlines: [renewalDeadline(`${P} 六.3`)],
  findings: [
    notYetRecognizedRule(`${P} 六.3`),
    targetShortfallRule({ rule: 'qualified_core', target: qualifiedCore, severity: 'required' }),
    leaderLevelRule({ floor: 'technician', severity: 'required', article: `${P} 一` }),
    leaderRetiredRule({
      severity: 'required',
      article: `${P} 六.3`,
      consequence: '领办人不再从事技能、技术岗位的，不再保留工作室称号',
    }),
    policyExpiredRule(VALID_TO, `${P} 七`),
  ],
  assessment: { kind: 'none', article: `${P}（方案未规定考核评分）` },
  ambiguities: [
    {
      topic: '“相同或相近”专业',
      source: '二.3：培养与申报专业相同或相近的高级工以上技能人才。',
      reading: '证书没有专业字段：学徒的证书都视为本专业；由录入者把关。',
    },
    {
      topic: '“有价值的成果”',
      source: '二.4：每年形成有价值的成果。',
      reading:
        'annual_results：本年统计日前的专利、奖项、论文教材、创新成果，每年至少 1 项；媒体报道是对工作室的报道，不算成果（not_a_result）。',
    },
    {
      topic: '团队人数',
      source: '一：领办人及主要成员有3名均具备技师以上资质；2：拥有一支技能人才团队（无人数）。',
      reading: '只有 qualified_core（含领办人、技师及以上 ≥ 3），不产生 team_size 目标。',
    },
    {
      topic: '退休',
      source:
        '六.3：领办人不再从事技能、技术岗位的，或离开申报单位的，不再保留称号；未提法定退休年龄。',
      reading:
        '达到法定退休年龄视为离开岗位，给出 leader_retired（required）；不产生 leader_retirement。',
    },
    {
      topic: '政策有效期',
      source: '七：自颁布之日起实施，有效期5年；印发日期 2022年4月27日。',
      reading: `有效期至 ${VALID_TO}，之后给出 policy_expired 提醒。`,
    },
    {
      topic: '没有考核',
      source: '方案无考核评分；合同：items: []，grade: null。',
      reading: 'vetoed 对本政策不产生等次。',
    },
  ],
};
