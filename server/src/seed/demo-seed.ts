import { DataSource, type EntityManager } from 'typeorm';
import { addDays } from '@master-studio/shared-rules';
import { Account } from '../accounts/account.entity';
import { Person } from '../accounts/person.entity';
import { RoleMembership, type Role } from '../accounts/role-membership.entity';
import { Achievement } from '../achievements/achievement.entity';
import { Activity } from '../activities/activity.entity';
import { Apprentice } from '../apprentices/apprentice.entity';
import { Certificate } from '../certificates/certificate.entity';
import { Attendance } from '../checkin/attendance.entity';
import { todayInShanghai } from '../common/dates';
import { seedDemoPrivacy } from '../privacy/demo-privacy';
import { StudioDocument } from '../documents/document.entity';
import { FundEntry } from '../funds/fund-entry.entity';
import { TeamMember } from '../members/team-member.entity';
import { Jurisdiction } from '../org/jurisdiction.entity';
import { Unit } from '../org/unit.entity';
import { Studio } from '../studios/studio.entity';

import { APPRENTICE_NAMES, JURISDICTIONS, PLANS, TITLES, UNITS } from './demo-data';

/** Loads the demo data of demo-data.ts through the entities; see there for what it holds. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function isEmpty(db: DataSource): Promise<boolean> {
  const rows = (await db.query('SELECT COUNT(*) AS n FROM jurisdictions')) as {
    n: number | string;
  }[];
  return Number(rows[0]?.n ?? 0) === 0;
}

export async function seedDemoIfEmpty(db: DataSource, today = todayInShanghai()): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  await db.transaction((m) => seedDemo(m, today));
  return true;
}

export async function seedDemo(m: EntityManager, today: string): Promise<void> {
  const year = Number(today.slice(0, 4));
  const rand = rng(20260101);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const now = new Date();

  const jurisdictions: Jurisdiction[] = [];
  for (const [name, policyId] of JURISDICTIONS)
    jurisdictions.push(await m.save(Jurisdiction, m.create(Jurisdiction, { name, policyId })));
  const units: Unit[] = [];
  for (const [name, j] of UNITS)
    units.push(
      await m.save(
        Unit,
        m.create(Unit, { name, jurisdictionId: (jurisdictions[j] as Jurisdiction).id }),
      ),
    );

  const person = (name: string, extra: Partial<Person> = {}): Promise<Person> =>
    m.save(
      Person,
      m.create(Person, {
        name,
        birthDate: null,
        retirementCategory: null,
        skillLevel: null,
        ...extra,
      }),
    );
  const account = async (
    username: string,
    name: string,
    personId: number | null,
    roles: Partial<RoleMembership>[],
  ): Promise<void> => {
    const a = await m.save(
      Account,
      m.create(Account, { username, name, personId, wechatOpenid: null, createdAt: now }),
    );
    for (const r of roles) {
      // A member role is bound to the person's team-member record in that studio (entered here if missing).
      let teamMemberId: number | null = null;
      if (r.role === 'member' && personId !== null && r.studioId) {
        const tm =
          (await m.findOneBy(TeamMember, { studioId: r.studioId, personId })) ??
          (await m.save(
            TeamMember,
            m.create(TeamMember, {
              studioId: r.studioId,
              personId,
              fullTime: false,
              yearsInTrade: null,
              joinedOn: null,
              leftOn: null,
            }),
          ));
        teamMemberId = tm.id;
      }
      await m.insert(RoleMembership, {
        accountId: a.id,
        role: r.role as Role,
        studioId: r.studioId ?? null,
        unitId: r.unitId ?? null,
        jurisdictionId: r.jurisdictionId ?? null,
        apprenticeId: r.apprenticeId ?? null,
        teamMemberId,
      });
    }
  };

  let nameIndex = 0;
  const studios = new Map<
    string,
    {
      studio: Studio;
      leader: Person;
      firstMember: Person | null;
      firstApprentice: { a: Apprentice; p: Person } | null;
    }
  >();
  for (const plan of PLANS) {
    const j = jurisdictions[plan.jurisdiction] as Jurisdiction;
    const u = units[plan.unit] as Unit;
    const recognizedOn = `${year - plan.recognizedYearsAgo}-${plan.recognizedMonth}`;
    const leader = await person(plan.leader.name, {
      birthDate: `${plan.leader.birthYear}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
      retirementCategory: plan.leader.category,
      skillLevel: plan.leader.level,
    });
    const studio = await m.save(
      Studio,
      m.create(Studio, {
        name: `${plan.leader.name}${plan.trade}${plan.nameSuffix}`,
        trade: plan.trade,
        unitId: u.id,
        jurisdictionId: j.id,
        leaderPersonId: leader.id,
        leaderFullTime: true,
        recognizedOn,
        status: plan.strong ? 'active' : plan.key === 'lwd' ? 'rectification' : 'active',
        areaSqm: plan.strong ? 60 + Math.floor(rand() * 60) : 25,
        hasSign: true,
        hasHonoursBoard: plan.strong,
        rulesPosted: true,
        dutiesDefined: true,
        hasEquipment: true,
        hasFundRules: plan.strong,
        vetoed: false,
        assessmentTotal: null,
      }),
    );
    let firstMember: Person | null = null;
    for (const [name, level, fullTime, years] of plan.members) {
      const p = await person(name, { skillLevel: level });
      firstMember ??= p;
      await m.insert(TeamMember, {
        studioId: studio.id,
        personId: p.id,
        fullTime,
        yearsInTrade: years,
        joinedOn: recognizedOn,
        leftOn: null,
      });
    }
    const apprentices: { a: Apprentice; p: Person }[] = [];
    for (let i = 0; i < plan.apprentices; i++) {
      const p = await person(APPRENTICE_NAMES[nameIndex++ % APPRENTICE_NAMES.length] as string);
      const joinedOn = addDays(recognizedOn, 10 + Math.floor(rand() * 200));
      const a = await m.save(
        Apprentice,
        m.create(Apprentice, {
          studioId: studio.id,
          personId: p.id,
          joinedOn: joinedOn > today ? today : joinedOn,
          agreementSignedOn: joinedOn > today ? today : joinedOn,
          leftOn: null,
        }),
      );
      apprentices.push({ a, p });
    }
    // Certificates: the senior+ ones count as high-skill talents; a few lower ones do not.
    const levels = ['senior', 'senior', 'technician', 'senior', 'senior_technician', 'senior'];
    for (let i = 0; i < plan.talentsThisPeriod && i < apprentices.length; i++) {
      const { a } = apprentices[i] as { a: Apprentice };
      const awardedOn = addDays(a.joinedOn, 120 + Math.floor(rand() * 240));
      await m.insert(Certificate, {
        studioId: studio.id,
        apprenticeId: a.id,
        level: levels[i % levels.length] as string,
        awardedOn: awardedOn > today ? addDays(today, -7 * (i + 1)) : awardedOn,
        number: `${plan.key.toUpperCase()}${year}${String(1000 + i)}`,
      });
    }
    if (apprentices[plan.talentsThisPeriod]) {
      await m.insert(Certificate, {
        studioId: studio.id,
        apprenticeId: (apprentices[plan.talentsThisPeriod] as { a: Apprentice }).a.id,
        level: 'intermediate',
        awardedOn: addDays(today, -40),
        number: null,
      });
    }
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
          studioId: studio.id,
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
              studioId: studio.id,
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
        studioId: studio.id,
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
        studioId: studio.id,
        kind,
        level,
        title,
        date: addDays(today, -30 - Math.floor(rand() * 300)),
      });
    // Funds: the grant, unit matching (short for the weaker studios), some spending.
    await m.insert(FundEntry, {
      studioId: studio.id,
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
        studioId: studio.id,
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
        studioId: studio.id,
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
          studioId: studio.id,
          kind: 'annual_plan',
          year: y,
          submittedOn: `${y - 1}-12-2${Math.floor(rand() * 8)}`,
          title: `${y}年度工作计划`,
        });
        await m.insert(StudioDocument, {
          studioId: studio.id,
          kind: 'mentoring_plan',
          year: y,
          submittedOn: `${y}-01-1${Math.floor(rand() * 9)}`,
          title: `${y}年度带徒计划`,
        });
      }
      if (!thisYear)
        await m.insert(StudioDocument, {
          studioId: studio.id,
          kind: 'annual_summary',
          year: y,
          submittedOn: `${y}-12-2${Math.floor(rand() * 8)}`,
          title: `${y}年度工作总结`,
        });
    }
    if (plan.strong)
      await m.insert(StudioDocument, {
        studioId: studio.id,
        kind: 'annual_plan',
        year: year + 1,
        submittedOn: addDays(today, -3),
        title: `${year + 1}年度工作计划`,
      });
    studios.set(plan.key, { studio, leader, firstMember, firstApprentice: apprentices[0] ?? null });
  }

  // Demo accounts, one per role (and a few more so every dashboard has a viewer).
  const s = (key: string) =>
    studios.get(key) as {
      studio: Studio;
      leader: Person;
      firstMember: Person | null;
      firstApprentice: { a: Apprentice; p: Person } | null;
    };
  const zjg = s('zjg');
  const whf = s('whf');
  await account('leader', zjg.leader.name, zjg.leader.id, [
    { role: 'leader', studioId: zjg.studio.id },
  ]);
  await account('member', zjg.firstMember?.name ?? '成员', zjg.firstMember?.id ?? null, [
    { role: 'member', studioId: zjg.studio.id },
  ]);
  await account(
    'apprentice',
    zjg.firstApprentice?.p.name ?? '徒弟',
    zjg.firstApprentice?.p.id ?? null,
    [
      {
        role: 'apprentice',
        studioId: zjg.studio.id,
        apprenticeId: zjg.firstApprentice?.a.id ?? null,
      },
    ],
  );
  await account('unit', '新疆天山装备制造有限公司 人力资源部 刘娟', null, [
    { role: 'unit_contact', unitId: (units[0] as Unit).id },
  ]);
  await account('reviewer', '乌鲁木齐市人社局 职业能力建设处 马建新', null, [
    { role: 'reviewer', jurisdictionId: (jurisdictions[0] as Jurisdiction).id },
  ]);
  await account('leader2', whf.leader.name, whf.leader.id, [
    { role: 'leader', studioId: whf.studio.id },
  ]);
  await account(
    'apprentice2',
    whf.firstApprentice?.p.name ?? '徒弟',
    whf.firstApprentice?.p.id ?? null,
    [
      {
        role: 'apprentice',
        studioId: whf.studio.id,
        apprenticeId: whf.firstApprentice?.a.id ?? null,
      },
    ],
  );
  await account('unit2', '杭州运河机电有限公司 工会 方晓', null, [
    { role: 'unit_contact', unitId: (units[2] as Unit).id },
  ]);
  await account('reviewer2', '拱墅区人社局 培训就业科 沈立', null, [
    { role: 'reviewer', jurisdictionId: (jurisdictions[1] as Jurisdiction).id },
  ]);
  await account('reviewer3', '渝中区人社局 职业能力建设科 冉静', null, [
    { role: 'reviewer', jurisdictionId: (jurisdictions[2] as Jurisdiction).id },
  ]);
  await account('reviewer4', '顺义区人社局 职业能力建设科 白杨', null, [
    { role: 'reviewer', jurisdictionId: (jurisdictions[3] as Jurisdiction).id },
  ]);
  await account('reviewer5', '韶关市人社局 职业能力建设科 温志华', null, [
    { role: 'reviewer', jurisdictionId: (jurisdictions[4] as Jurisdiction).id },
  ]);
  // One person, two roles in two studios: leads one studio and is a team member of another.
  const glz = s('glz');
  await account('multi', glz.leader.name, glz.leader.id, [
    { role: 'leader', studioId: glz.studio.id },
    { role: 'member', studioId: s('lwd').studio.id },
  ]);
  // No roles yet: signs in and joins a studio with an invitation code (docs/api.md "Onboarding").
  await account('newcomer', '新用户', null, []);
  // Last: who has read the privacy notice, and one new apprentice who has not (privacy/).
  await seedDemoPrivacy(m, today, now);
}
