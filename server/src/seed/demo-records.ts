/**
 * A demo studio's dated records: activities with check-ins (and one today, so a demo can open
 * check-in), results, funds, plans and summaries, as its plan in demo-data.ts describes.
 */
import { addDays } from '@master-studio/shared-rules';
import { Achievement } from '../achievements/achievement.entity';
import { Activity } from '../activities/activity.entity';
import { Apprentice } from '../apprentices/apprentice.entity';
import { Person } from '../accounts/person.entity';
import { Attendance } from '../checkin/attendance.entity';
import { StudioDocument } from '../documents/document.entity';
import { FundEntry } from '../funds/fund-entry.entity';

import { TITLES, type StudioPlan } from './demo-data';
import type { SeedContext } from './demo-studio';

export async function seedStudioRecords(
  c: SeedContext,
  plan: StudioPlan,
  studioId: number,
  recognizedOn: string,
  apprentices: { a: Apprentice; p: Person }[],
): Promise<void> {
  const { m, today, year, rand, pick } = c;
  // Activities from recognition to a month ahead (future ones are plans), with check-ins.
  const kinds = plan.strong
    ? [
        'training',
        'training',
        'internal_exchange',
        'industry_exchange',
        'tech_project',
        'social_service',
        'school_cooperation',
        'renovation',
      ]
    : ['training', 'internal_exchange', 'training', 'tech_project'];
  const months = Math.max(
    1,
    Math.round((Date.parse(today) - Date.parse(recognizedOn)) / (30 * 86_400_000)),
  );
  const count = Math.max(2, Math.round(months * plan.activitiesPerMonth));
  const span = Date.parse(today) - Date.parse(recognizedOn);
  for (let i = 0; i < count + 2; i++) {
    const kind = i === count ? 'industry_exchange' : pick(kinds);
    const date =
      i >= count
        ? addDays(today, 10 + i * 7)
        : new Date(Date.parse(recognizedOn) + (span * (i + 0.5)) / count)
            .toISOString()
            .slice(0, 10);
    if (!plan.strong && kind === 'industry_exchange' && date <= today) continue;
    const act = await m.save(
      Activity,
      m.create(Activity, {
        studioId,
        kind,
        title: pick(TITLES[kind] ?? ['工作室活动']),
        date,
        location: '工作室实训区',
        extraAttendance:
          date <= today && kind !== 'internal_exchange' ? Math.floor(rand() * 20) : 0,
        checkinOpen: false,
      }),
    );
    if (date <= today) {
      for (const { a, p } of apprentices) {
        if (a.joinedOn <= date && rand() < 0.75)
          await m.insert(Attendance, {
            activityId: act.id,
            personId: p.id,
            studioId,
            checkedInAt: new Date(
              `${date}T09:${String(Math.floor(rand() * 50) + 5).padStart(2, '0')}:00+08:00`,
            ),
          });
      }
    }
  }
  // One activity today in the strong studios, so a demo can open check-in (only on an activity's own date).
  if (plan.strong)
    await m.insert(Activity, {
      studioId,
      kind: 'training',
      title: '今日技能培训',
      date: today,
      location: '工作室实训区',
      extraAttendance: 0,
      checkinOpen: false,
    });
  // Results
  const results: [string, string, string][] = plan.strong
    ? [
        ['patent', 'national', `一种${plan.trade}用辅助装置`],
        ['award', 'city', `市级职工技术创新成果奖`],
        ['media', 'city', '市电视台专题报道工作室带徒传艺'],
        ['innovation', 'unit', `${plan.trade}新工艺推广`],
      ]
    : [['innovation', 'unit', `${plan.trade}操作法总结`]];
  for (const [kind, level, title] of results)
    await m.insert(Achievement, {
      studioId,
      kind,
      level,
      title,
      date: addDays(today, -30 - Math.floor(rand() * 300)),
    });
  // Funds: the grant, unit matching (short for the weaker studios), some spending.
  await m.insert(FundEntry, {
    studioId,
    direction: 'income',
    source: 'grant',
    category: '建设补助',
    amount: 50000,
    date: addDays(recognizedOn, 60),
    note: '人社部门建设补助资金',
  });
  const matching = plan.strong ? [60000, 50000] : [30000];
  for (const [i, amount] of matching.entries())
    await m.insert(FundEntry, {
      studioId,
      direction: 'income',
      source: 'unit_matching',
      category: '单位配套',
      amount,
      date: addDays(recognizedOn, 90 + i * 200),
      note: null,
    });
  for (const [category, amount] of [
    ['设备购置', 38000],
    ['培训耗材', 12600.5],
    ['交流差旅', 5400],
  ] as [string, number][]) {
    await m.insert(FundEntry, {
      studioId,
      direction: 'spending',
      source: null,
      category,
      amount,
      date: addDays(today, -Math.floor(rand() * 200) - 20),
      note: null,
    });
  }
  // Plans and summaries: strong studios keep them up to date, weak ones miss this year's.
  for (let y = year - plan.recognizedYearsAgo; y <= year; y++) {
    const thisYear = y === year;
    if (plan.strong || !thisYear) {
      await m.insert(StudioDocument, {
        studioId,
        kind: 'annual_plan',
        year: y,
        submittedOn: `${y - 1}-12-2${Math.floor(rand() * 8)}`,
        title: `${y}年度工作计划`,
      });
      await m.insert(StudioDocument, {
        studioId,
        kind: 'mentoring_plan',
        year: y,
        submittedOn: `${y}-01-1${Math.floor(rand() * 9)}`,
        title: `${y}年度带徒计划`,
      });
    }
    if (!thisYear)
      await m.insert(StudioDocument, {
        studioId,
        kind: 'annual_summary',
        year: y,
        submittedOn: `${y}-12-2${Math.floor(rand() * 8)}`,
        title: `${y}年度工作总结`,
      });
  }
  if (plan.strong)
    await m.insert(StudioDocument, {
      studioId,
      kind: 'annual_plan',
      year: year + 1,
      submittedOn: addDays(today, -3),
      title: `${year + 1}年度工作计划`,
    });
}
