import type { DataSource, EntityManager } from 'typeorm';
import { Account } from '../../src/accounts/account.entity';
import { Person } from '../../src/accounts/person.entity';
import { RoleMembership, type Role } from '../../src/accounts/role-membership.entity';
import { Achievement } from '../../src/achievements/achievement.entity';
import { Activity } from '../../src/activities/activity.entity';
import { Apprentice } from '../../src/apprentices/apprentice.entity';
import type { Caller, Grant } from '../../src/auth/caller';
import { Certificate } from '../../src/certificates/certificate.entity';
import { todayInShanghai } from '../../src/common/dates';
import { StudioDocument } from '../../src/documents/document.entity';
import { FundEntry } from '../../src/funds/fund-entry.entity';
import { TeamMember } from '../../src/members/team-member.entity';
import { Jurisdiction } from '../../src/org/jurisdiction.entity';
import { Unit } from '../../src/org/unit.entity';
import { Studio } from '../../src/studios/studio.entity';

export const ROLES: Role[] = ['leader', 'member', 'apprentice', 'unit_contact', 'reviewer'];

/** One tenant: a jurisdiction, a unit, a studio with one record of each kind, an account per role. */
export interface Tenant {
  jurisdictionId: number;
  unitId: number;
  studioId: number;
  memberId: number;
  apprenticeId: number;
  apprenticePersonId: number;
  certificateId: number;
  activityId: number;
  achievementId: number;
  fundId: number;
  documentId: number;
  callers: Record<Role, Caller>;
}

export async function makePerson(
  m: EntityManager,
  name: string,
  extra: Partial<Person> = {},
): Promise<Person> {
  return m.save(
    Person,
    m.create(Person, {
      name,
      birthDate: null,
      retirementCategory: null,
      skillLevel: null,
      ...extra,
    }),
  );
}

export async function makeAccount(
  m: EntityManager,
  name: string,
  personId: number | null,
  grants: Grant[],
): Promise<Caller> {
  const a = await m.save(
    Account,
    m.create(Account, {
      name,
      personId,
      username: null,
      wechatOpenid: null,
      createdAt: new Date(),
    }),
  );
  const bound: Grant[] = [];
  for (const g of grants) {
    // A member grant is bound to the person's team-member record in the studio (as a redeemed invitation binds it).
    const tm =
      g.role === 'member' &&
      g.memberId === undefined &&
      personId !== null &&
      g.studioId !== undefined
        ? await m.findOneBy(TeamMember, { studioId: g.studioId, personId })
        : null;
    const grant = tm ? { ...g, memberId: tm.id } : g;
    await m.insert(RoleMembership, {
      accountId: a.id,
      role: grant.role,
      studioId: grant.studioId ?? null,
      unitId: grant.unitId ?? null,
      jurisdictionId: grant.jurisdictionId ?? null,
      apprenticeId: grant.apprenticeId ?? null,
      teamMemberId: grant.memberId ?? null,
    });
    bound.push(grant);
  }
  return { accountId: a.id, personId, grants: bound };
}

export async function makeApprentice(
  m: EntityManager,
  studioId: number,
  name: string,
  joinedOn = '2025-03-10',
): Promise<{ apprentice: Apprentice; person: Person }> {
  const person = await makePerson(m, name);
  const apprentice = await m.save(
    Apprentice,
    m.create(Apprentice, {
      studioId,
      personId: person.id,
      joinedOn,
      agreementSignedOn: joinedOn,
      leftOn: null,
    }),
  );
  return { apprentice, person };
}

/**
 * Moves a tenant's activity to today (Asia/Shanghai): check-in opens only on an activity's own
 * date. The factory's activity is dated 2025-05-01 for the period and facts tests.
 */
export async function activityToday(db: DataSource, activityId: number): Promise<string> {
  const today = todayInShanghai();
  await db.getRepository(Activity).update({ id: activityId }, { date: today });
  return today;
}

export async function makeTenant(
  db: DataSource,
  label: string,
  policyId = 'urumqi-2023',
  recognizedOn = '2025-03-01',
): Promise<Tenant> {
  return db.transaction(async (m) => {
    const j = await m.save(Jurisdiction, m.create(Jurisdiction, { name: `${label}市`, policyId }));
    const u = await m.save(
      Unit,
      m.create(Unit, { name: `${label}机械有限公司`, jurisdictionId: j.id }),
    );
    const leader = await makePerson(m, `${label}张`, {
      birthDate: '1975-06-01',
      retirementCategory: 'male',
      skillLevel: 'senior_technician',
    });
    const s = await m.save(
      Studio,
      m.create(Studio, {
        name: `${label}张焊工技能大师工作室`,
        trade: '焊工',
        unitId: u.id,
        jurisdictionId: j.id,
        leaderPersonId: leader.id,
        leaderFullTime: true,
        recognizedOn,
        status: 'active',
        areaSqm: null,
        hasSign: null,
        hasHonoursBoard: null,
        rulesPosted: null,
        dutiesDefined: null,
        hasEquipment: null,
        hasFundRules: null,
        vetoed: null,
        assessmentTotal: null,
      }),
    );
    const memberPerson = await makePerson(m, `${label}李`, { skillLevel: 'technician' });
    const member = await m.save(
      TeamMember,
      m.create(TeamMember, {
        studioId: s.id,
        personId: memberPerson.id,
        fullTime: true,
        yearsInTrade: 8,
        joinedOn: null,
        leftOn: null,
      }),
    );
    const { apprentice, person: ap } = await makeApprentice(m, s.id, `${label}王`);
    const cert = await m.save(
      Certificate,
      m.create(Certificate, {
        studioId: s.id,
        apprenticeId: apprentice.id,
        level: 'senior',
        awardedOn: '2025-09-01',
        number: null,
      }),
    );
    const act = await m.save(
      Activity,
      m.create(Activity, {
        studioId: s.id,
        kind: 'training',
        title: '焊接培训',
        date: '2025-05-01',
        location: null,
        extraAttendance: 3,
        checkinOpen: false,
      }),
    );
    const ach = await m.save(
      Achievement,
      m.create(Achievement, {
        studioId: s.id,
        kind: 'patent',
        level: 'national',
        title: '焊缝检测装置',
        date: '2025-06-01',
      }),
    );
    const fund = await m.save(
      FundEntry,
      m.create(FundEntry, {
        studioId: s.id,
        direction: 'income',
        source: 'unit_matching',
        category: '单位配套',
        amount: 60000,
        date: '2025-04-01',
        note: null,
      }),
    );
    const doc = await m.save(
      StudioDocument,
      m.create(StudioDocument, {
        studioId: s.id,
        kind: 'annual_plan',
        year: 2026,
        submittedOn: '2025-12-20',
        title: null,
      }),
    );
    const callers = {
      leader: await makeAccount(m, `${label}领办人`, leader.id, [
        { role: 'leader', studioId: s.id },
      ]),
      member: await makeAccount(m, `${label}成员`, memberPerson.id, [
        { role: 'member', studioId: s.id },
      ]),
      apprentice: await makeAccount(m, `${label}徒弟`, ap.id, [
        { role: 'apprentice', studioId: s.id, apprenticeId: apprentice.id },
      ]),
      unit_contact: await makeAccount(m, `${label}单位联系人`, null, [
        { role: 'unit_contact', unitId: u.id },
      ]),
      reviewer: await makeAccount(m, `${label}评审`, null, [
        { role: 'reviewer', jurisdictionId: j.id },
      ]),
    };
    return {
      jurisdictionId: j.id,
      unitId: u.id,
      studioId: s.id,
      memberId: member.id,
      apprenticeId: apprentice.id,
      apprenticePersonId: ap.id,
      certificateId: cert.id,
      activityId: act.id,
      achievementId: ach.id,
      fundId: fund.id,
      documentId: doc.id,
      callers,
    };
  });
}
