/**
 * shunyi-2023: 顺义区技能大师工作室管理办法（试行）（征求意见稿）.
 * Text: docs/policies/shunyi-2023.txt. Every number below cites its article there.
 * No assessment sheet: the draft sets no scoring (items: [], grade: null).
 */
import { annualSummaryDeadline, applicationDeadline } from '../deadlines.js';
import { notYetRecognizedRule, policyDraftRule } from '../findings/common.js';
import { leaderLevelRule, leaderRetiredRule, leaderRetirementRule } from '../findings/leader.js';
import { targetShortfallRule } from '../findings/target-shortfall.js';
import type { PolicyDefinition, TargetSpec } from '../policy-definition.js';
import { activityTally } from '../tallies/activities.js';
import { teamTally } from '../tallies/team.js';

const P = 'shunyi-2023';

const personTimes: TargetSpec = {
  id: 'person_times',
  required: 100, // shunyi-2023 第十三条: 每年应带动不少于100人次技艺提升和创新
  period: 'year',
  article: `${P} 第十三条`,
  rule: '每年带动不少于100人次技艺提升和创新（各类活动签到人次合计）',
  tally: (ctx, period) => activityTally(ctx, period!, null, 'attendance'),
};

const teamSize: TargetSpec = {
  id: 'team_size',
  required: 3, // shunyi-2023 第四条（二）: 除领办人外，3名以上正式员工组成的团队
  period: 'none',
  article: `${P} 第四条（二）`,
  rule: '除领办人外，不少于3名正式员工组成的技术技能人才团队',
  tally: (ctx) => teamTally(ctx, { fullTimeOnly: true, includeLeader: false }),
};

export const shunyi2023: PolicyDefinition = {
  id: P,
  title: '顺义区技能大师工作室管理办法（试行）（征求意见稿）',
  jurisdiction: '北京市顺义区',
  document: '顺义区技能大师工作室管理办法（试行）征求意见稿',
  seedFile: '001_0fd526e660ff1c98.txt',
  issuedOn: null, // draft: no issue date, so 第十六条's 2-year term has no end date
  validTo: null,
  cycleYears: 2, // shunyi-2023 第十六条: 执行期2年 (no studio cycle; used only as a period for docs)
  cycleArticle: `${P} 第十六条`,
  targets: [personTimes, teamSize],
  deadlines: [
    applicationDeadline(`${P} 第五条`, 8, 31), // 每年8月底前报区人社局
    annualSummaryDeadline(`${P} 第十三条`), // 每年定期报送全年工作情况及运行成果
  ],
  findings: [
    notYetRecognizedRule(`${P} 第六条`),
    targetShortfallRule({ rule: 'team_size', target: teamSize, severity: 'required' }),
    leaderLevelRule({
      floor: 'technician',
      severity: 'advisory',
      relaxedFloor: 'senior',
      article: `${P} 第四条（一）`,
      note: '原则上；高精尖、新兴产业可放宽到高级工',
    }),
    leaderRetirementRule({ minYears: 2, severity: 'required', article: `${P} 第四条（一）` }), // 距法定退休年龄2年以上（含2年）
    leaderRetiredRule({
      severity: 'required',
      article: `${P} 第十四条`,
      consequence: '更换领办人或返聘、延迟退休须书面申请，经审核同意并备案',
    }),
    policyDraftRule(`${P} 标题`),
  ],
  assessment: { kind: 'none', article: `${P}（全文未规定考核评分）` },
  ambiguities: [
    {
      topic: '征求意见稿',
      source: '标题“（征求意见稿）”；第十六条“自印发之日起执行，执行期2年”，但草稿无印发日期。',
      reading: '照常计算，给出 policy_draft 提醒；政策有效期无法确定，不产生 policy_expired。',
    },
    {
      topic: '“人次”',
      source: '第十三条：每年应带动不少于100人次技艺提升和创新。',
      reading: '本年统计日前所有类型活动的签到人数（attendance）之和；同一人参加三次计三人次。',
    },
    {
      topic: '领办人等级的“原则上”',
      source:
        '第四条（一）：原则上应取得技师及以上……（对高精尖产业、新兴产业领域的技能人才，可适度放宽到高级工）。',
      reading: '低于技师：advisory；低于高级工（放宽也达不到）：required。',
    },
    {
      topic: 'application 的 done',
      source: '第五条：每年8月底前将材料报区人社局。',
      reading:
        'dueOn 为统计日所在年的 8 月 31 日；工作室认定日不晚于统计日时 done = true（已认定，无需再申报）。',
    },
    {
      topic: '没有考核',
      source: '全文无考核评分；合同：items: []，grade: null。',
      reading: 'vetoed 对本政策不产生等次（无考核可否决）。',
    },
  ],
};
