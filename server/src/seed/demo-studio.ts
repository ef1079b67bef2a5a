/**
 * One demo studio of demo-data.ts's PLANS: the studio, its leader, team and apprentices with
 * their certificates (its dated records are demo-records.ts). The seeded generator is passed in,
 * so the demo comes out the same on every run.
 */
import type { EntityManager } from 'typeorm';
import { addDays } from '@master-studio/shared-rules';
import { Person } from '../accounts/person.entity';
import { Apprentice } from '../apprentices/apprentice.entity';
import { Certificate } from '../certificates/certificate.entity';
import { TeamMember } from '../members/team-member.entity';
import { Jurisdiction } from '../org/jurisdiction.entity';
import { Unit } from '../org/unit.entity';
import { Studio } from '../studios/studio.entity';

import { APPRENTICE_NAMES, type StudioPlan } from './demo-data';
import { seedStudioRecords } from './demo-records';

export interface SeededStudio {
  studio: Studio;
  leader: Person;
  firstMember: Person | null;
  firstApprentice: { a: Apprentice; p: Person } | null;
}

/** What every studio's loading shares: the day, the generator, the org rows, the name counter. */
export interface SeedContext {
  m: EntityManager;
  today: string;
  year: number;
  rand: () => number;
  pick: <T>(xs: readonly T[]) => T;
  jurisdictions: Jurisdiction[];
  units: Unit[];
  /** Index of the next apprentice name in APPRENTICE_NAMES (shared across studios). */
  nameIndex: number;
}

export function person(
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

export async function seedStudio(c: SeedContext, plan: StudioPlan): Promise<SeededStudio> {
  const { m, today, year, rand, jurisdictions, units } = c;
  const j = jurisdictions[plan.jurisdiction] as Jurisdiction;
  const u = units[plan.unit] as Unit;
  const recognizedOn = `${year - plan.recognizedYearsAgo}-${plan.recognizedMonth}`;
  const leader = await person(m, plan.leader.name, {
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
    const p = await person(m, name, { skillLevel: level });
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
    const p = await person(m, APPRENTICE_NAMES[c.nameIndex++ % APPRENTICE_NAMES.length] as string);
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
  await seedStudioRecords(c, plan, studio.id, recognizedOn, apprentices);
  return { studio, leader, firstMember, firstApprentice: apprentices[0] ?? null };
}
