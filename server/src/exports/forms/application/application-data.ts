/** What the application forms (附件1 申报表 / 申请表) fill in from the records, and the eligibility checklist. */
import type { FileChild } from 'docx';
import { citeZh, getPolicy, LABELS_ZH, type Progress } from '@master-studio/shared-rules';
import type { AchievementView } from '../../../achievements/dto/achievement.dto';
import type { MemberView } from '../../../members/dto/member.dto';
import type { StudioView } from '../../../studios/dto/studio.dto';
import { heading, p, table } from '../../docx/blocks';

export interface ApplicationData {
  studio: StudioView;
  /** The team on asOf. */
  members: MemberView[];
  achievements: AchievementView[];
  progress: Progress;
  asOf: string;
}

export interface ApplicationForm {
  /** The annex's title, as printed. */
  title: string;
  /** The annex's article, e.g. `urumqi-2023 附件1`. */
  article: string;
  body(d: ApplicationData): FileChild[];
}

export const level = (code: string | null | undefined): string =>
  code ? ((LABELS_ZH.skillLevels as Record<string, string>)[code] ?? code) : '';
/** 性别 from the retirement category we hold (male / female_*); blank when unknown. */
export const gender = (category: string | null): string =>
  category === 'male' ? '男' : category?.startsWith('female') ? '女' : '';
export const yearMonth = (date: string | null): string =>
  date ? `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月` : '';
export const area = (sqm: number | null): string => (sqm !== null ? `${sqm} 平方米` : '');
export const achievementLine = (a: AchievementView): string =>
  `${a.date} ${a.title}（${(LABELS_ZH.achievementLevels as Record<string, string>)[a.level] ?? a.level}${(LABELS_ZH.achievementKinds as Record<string, string>)[a.kind] ?? a.kind}）`;
export const achievementsText = (d: ApplicationData, kinds?: string[]): string =>
  d.achievements
    .filter((a) => !kinds || kinds.includes(a.kind))
    .map(achievementLine)
    .join('\n');
export const memberRow = (
  m: MemberView,
  cols: ('name' | 'level' | 'years' | 'blank')[],
): string[] =>
  cols.map((c) =>
    c === 'name'
      ? m.name
      : c === 'level'
        ? level(m.skillLevel)
        : c === 'years'
          ? m.yearsInTrade !== null
            ? `${m.yearsInTrade}年`
            : ''
          : '',
  );

/** The eligibility rules the checklist reports, in this order. */
const CHECKS = [
  'leader_retired',
  'leader_retirement',
  'leader_age',
  'leader_level',
  'team_size',
  'member_qualification',
  'qualified_core',
  'studio_name',
] as const;

/** 资格自查: every eligibility rule of the policy, passed or with the app's finding. */
export function checklist(d: ApplicationData): FileChild[] {
  const policy = getPolicy(d.progress.policyId);
  const rows: string[][] = [];
  for (const rule of CHECKS) {
    for (const spec of policy.findings.filter((f) => f.rule === rule)) {
      const hit = d.progress.findings.find((f) => f.rule === rule);
      const result = hit ? (hit.severity === 'required' ? '不符合' : '请注意') : '符合';
      rows.push([
        LABELS_ZH.findings[rule],
        result,
        hit ? citeZh(hit.message) : spec.rule_zh,
        citeZh(spec.article),
      ]);
    }
  }
  return [
    heading('附：资格条件自查（系统按档案核对）'),
    p(`核对日期：${d.asOf}。“不符合”为政策硬性条件，“请注意”为“原则上/一般”条件。`, { size: 20 }),
    table(['检查项', '结果', '说明', '条款'], rows),
  ];
}
