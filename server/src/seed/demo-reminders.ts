/**
 * Demo data for reminders (issue 14): a quiet studio in 乌鲁木齐 whose last activity was ten
 * months ago (urumqi-2023 第二十条（一）: revoked after more than a year without one) and whose
 * cycle assessment is due in about three weeks, led by the demo account `leader3`. Its inbox
 * shows the inactivity warning and the coming deadline whatever day the demo is seeded
 * (the inbox is scanned on first open when SEED_DEMO is on).
 */
import { addDays, addMonths } from '@master-studio/shared-rules';
import type { EntityManager } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { Person } from '../accounts/person.entity';
import { RoleMembership } from '../accounts/role-membership.entity';
import { Activity } from '../activities/activity.entity';
import { TeamMember } from '../members/team-member.entity';
import type { Jurisdiction } from '../org/jurisdiction.entity';
import type { Unit } from '../org/unit.entity';
import { Studio } from '../studios/studio.entity';

export async function seedDemoReminders(
  m: EntityManager,
  today: string,
  seeded: { jurisdictions: Jurisdiction[]; units: Unit[] },
): Promise<void> {
  const where = {
    jurisdictionId: (seeded.jurisdictions[0] as Jurisdiction).id, // 乌鲁木齐市
    unitId: (seeded.units[1] as Unit).id, // 乌鲁木齐市高级技工学校
  };
  // urumqi's cycle is two years and its assessment is due 3 months before the end: ~20 days ahead.
  const recognizedOn = addMonths(addDays(today, 21), 3 - 24);
  const lastActivity = addMonths(today, -10);
  const leader = await m.save(
    Person,
    m.create(Person, {
      name: '王德胜',
      birthDate: '1974-04-12',
      retirementCategory: 'male',
      skillLevel: 'senior_technician',
    }),
  );
  const studio = await m.save(
    Studio,
    m.create(Studio, {
      name: '王德胜电工技能大师工作室',
      trade: '电工',
      unitId: where.unitId,
      jurisdictionId: where.jurisdictionId,
      leaderPersonId: leader.id,
      leaderFullTime: true,
      recognizedOn,
      status: 'active',
      areaSqm: 40,
      hasSign: true,
      hasHonoursBoard: false,
      rulesPosted: true,
      dutiesDefined: true,
      hasEquipment: true,
      hasFundRules: false,
      vetoed: false,
      assessmentTotal: null,
    }),
  );
  for (const [name, level] of [
    ['孙海涛', 'senior'],
    ['钱立新', 'technician'],
  ] as const) {
    const p = await m.save(
      Person,
      m.create(Person, { name, birthDate: null, retirementCategory: null, skillLevel: level }),
    );
    await m.insert(TeamMember, {
      studioId: studio.id,
      personId: p.id,
      fullTime: true,
      yearsInTrade: 10,
      joinedOn: recognizedOn,
      leftOn: null,
    });
  }
  // Activities every three months after recognition, the last one ten months ago, then silence.
  const dates: string[] = [];
  for (let d = addDays(recognizedOn, 30); d < lastActivity; d = addDays(d, 90)) dates.push(d);
  dates.push(lastActivity);
  for (const date of dates)
    await m.insert(Activity, {
      studioId: studio.id,
      kind: 'training',
      title: '电气安全操作培训',
      date,
      location: '电工实训室',
      extraAttendance: 8,
      checkinOpen: false,
    });
  const account = await m.save(
    Account,
    m.create(Account, {
      username: 'leader3',
      name: leader.name,
      personId: leader.id,
      wechatOpenid: null,
      createdAt: new Date(),
    }),
  );
  await m.insert(RoleMembership, {
    accountId: account.id,
    role: 'leader',
    studioId: studio.id,
    unitId: null,
    jurisdictionId: null,
    apprenticeId: null,
    teamMemberId: null,
  });
}
