/**
 * 年度工作总结 and 下一年度工作计划 drafts (urumqi-2023 第十九条（一）, yuzhong-2023 第十四条,
 * shunyi-2023 第十三条): the year's numbers from the records, written as editable paragraphs
 * under the headings the bureau expects; what only the studio can say is left as prompts.
 */
import type { FileChild } from 'docx';
import { citeZh, LABELS_ZH, type Progress } from '@master-studio/shared-rules';
import type { AchievementView } from '../../achievements/dto/achievement.dto';
import type { ActivityView } from '../../activities/dto/activity.dto';
import type { ApprenticeView } from '../../apprentices/dto/apprentice.dto';
import type { CertificateView } from '../../certificates/dto/certificate.dto';
import type { FundView } from '../../funds/dto/fund.dto';
import type { MemberView } from '../../members/dto/member.dto';
import type { StudioView } from '../../studios/dto/studio.dto';
import { document, heading, lines, p, table, title } from '../docx/blocks';
import { ledgerTotals } from './fund-ledger';

export interface YearRecords {
  studio: StudioView;
  members: MemberView[];
  apprentices: ApprenticeView[];
  certificates: CertificateView[];
  activities: ActivityView[];
  achievements: AchievementView[];
  funds: FundView[];
  /** Progress at the year's end (or today, if earlier). */
  progress: Progress;
}

export interface YearNumbers {
  activities: number;
  personTimes: number;
  byKind: [string, number, number][];
  apprentices: number;
  newApprentices: number;
  certificates: number;
  byLevel: [string, number][];
  achievements: AchievementView[];
  income: number;
  spending: number;
}

const lbl = (group: Record<string, string>, code: string): string => group[code] ?? code;
const yuan = (n: number): string =>
  `${n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

export function yearNumbers(r: YearRecords, year: number): YearNumbers {
  const inYear = (d: string): boolean => d.startsWith(`${year}-`);
  const acts = r.activities.filter((a) => inYear(a.date));
  const kinds = new Map<string, [number, number]>();
  for (const a of acts) {
    const [n, pt] = kinds.get(a.kind) ?? [0, 0];
    kinds.set(a.kind, [n + 1, pt + a.attendance]);
  }
  const certs = r.certificates.filter((c) => inYear(c.awardedOn));
  const levels = new Map<string, number>();
  for (const c of certs) levels.set(c.level, (levels.get(c.level) ?? 0) + 1);
  const t = ledgerTotals(r.funds, year);
  return {
    activities: acts.length,
    personTimes: acts.reduce((n, a) => n + a.attendance, 0),
    byKind: [...kinds].map(([k, [n, pt]]) => [lbl(LABELS_ZH.activityKinds, k), n, pt]),
    apprentices: r.apprentices.filter(
      (a) => a.joinedOn <= `${year}-12-31` && (a.leftOn === null || a.leftOn >= `${year}-01-01`),
    ).length,
    newApprentices: r.apprentices.filter((a) => inYear(a.joinedOn)).length,
    certificates: certs.length,
    byLevel: [...levels].map(([l, n]) => [lbl(LABELS_ZH.skillLevels, l), n]),
    achievements: r.achievements.filter((a) => inYear(a.date)),
    income: Object.values(t.income).reduce((a, b) => a + b, 0),
    spending: Object.values(t.spending).reduce((a, b) => a + b, 0),
  };
}

const targetRows = (pr: Progress): string[][] =>
  pr.targets.map((t) => [
    LABELS_ZH.targets[t.id],
    t.max !== undefined ? `${t.required}–${t.max}` : String(t.required),
    String(t.actual),
    t.met ? '已达标' : LABELS_ZH.paceStatuses[t.status],
    citeZh(t.article),
  ]);

export function summaryDocument(r: YearRecords, year: number) {
  const n = yearNumbers(r, year);
  const name = `${r.studio.name}${year}年度工作总结`;
  const body: FileChild[] = [
    title(name),
    p(`${r.studio.unit.name}    （草稿，由系统按档案生成，请核对修改）`, {
      center: true,
      size: 20,
    }),
    heading('一、基本情况'),
    ...lines(
      `${r.studio.name}由${r.studio.leader.name}领办，职业（工种）为${r.studio.trade}，于${r.studio.recognizedOn}认定。现有团队成员 ${r.members.length} 人（不含领办人），本年度在册学徒 ${n.apprentices} 人。`,
    ),
    heading('二、主要工作及成效'),
    ...lines(`本年度共开展活动 ${n.activities} 次，带动技艺提升 ${n.personTimes} 人次。`),
    table(
      ['活动类型', '次数', '人次'],
      n.byKind.map(([k, c, pt]) => [k, String(c), String(pt)]),
    ),
    heading('三、带徒传艺'),
    ...lines(
      `本年度新收学徒 ${n.newApprentices} 人，在册学徒 ${n.apprentices} 人；学徒取得职业技能等级证书 ${n.certificates} 本${n.byLevel.length ? `，其中${n.byLevel.map(([l, c]) => `${l} ${c} 本`).join('、')}` : ''}。`,
    ),
    heading('四、技术攻关与成果'),
    ...lines(
      n.achievements.length
        ? `本年度取得成果 ${n.achievements.length} 项：\n${n.achievements.map((a, i) => `${i + 1}. ${a.title}（${lbl(LABELS_ZH.achievementLevels, a.level)}${lbl(LABELS_ZH.achievementKinds, a.kind)}，${a.date}）`).join('\n')}`
        : '本年度暂无登记的成果。',
    ),
    heading('五、经费使用情况'),
    ...lines(`本年度经费到账 ${yuan(n.income)}，支出 ${yuan(n.spending)}，详见经费台账。`),
    heading('六、目标完成情况'),
    table(['目标', '要求', '实际', '进度', '条款'], targetRows(r.progress)),
    heading('七、存在的问题'),
    ...lines(
      r.progress.findings.length
        ? r.progress.findings.map((f, i) => `${i + 1}. ${citeZh(f.message)}`).join('\n')
        : '（请填写）',
    ),
    heading('八、下一步打算'),
    ...lines('（请填写）'),
  ];
  return { fileTitle: name, doc: document(name, body), numbers: n };
}

export function planDocument(r: YearRecords, year: number) {
  const next = year + 1;
  const n = yearNumbers(r, year);
  const name = `${r.studio.name}${next}年度工作计划`;
  const body: FileChild[] = [
    title(name),
    p(`${r.studio.unit.name}    （草稿，由系统按档案生成，请核对修改）`, {
      center: true,
      size: 20,
    }),
    heading('一、上年度工作基础'),
    ...lines(
      `${year}年共开展活动 ${n.activities} 次、${n.personTimes} 人次；在册学徒 ${n.apprentices} 人，取得证书 ${n.certificates} 本；取得成果 ${n.achievements.length} 项；经费到账 ${yuan(n.income)}、支出 ${yuan(n.spending)}。`,
    ),
    heading(`二、${next}年度目标任务`),
    table(
      ['目标', '政策要求', `${year}年实际`, '条款'],
      r.progress.targets.map((t) => [
        LABELS_ZH.targets[t.id],
        t.max !== undefined ? `${t.required}–${t.max}` : String(t.required),
        String(t.actual),
        citeZh(t.article),
      ]),
    ),
    heading('三、重点工作'),
    ...lines(
      '（一）带徒传艺：计划新收学徒    人，签订带徒协议，建立培训花名册，组织技能等级认定    人次。\n（二）技术攻关：计划开展技术攻关、技术革新项目    项。\n（三）技术交流：计划开展内部培训    次、业内技术交流活动    次。\n（四）技能服务社会：计划开展    次。',
    ),
    heading('四、保障措施'),
    ...lines(
      '经费：单位配套资金    万元，专款专用，建立专门台账。\n场地与设备：（请填写）\n制度：（请填写）',
    ),
    heading('五、进度安排'),
    table(
      ['时间', '工作安排'],
      [
        ['第一季度', ''],
        ['第二季度', ''],
        ['第三季度', ''],
        ['第四季度', ''],
      ],
    ),
  ];
  return { fileTitle: name, doc: document(name, body), numbers: n };
}
