import { DataSource, type EntityManager } from 'typeorm';
import { todayInShanghai } from '../common/dates';
import { Jurisdiction } from '../org/jurisdiction.entity';
import { Unit } from '../org/unit.entity';

import { seedAccounts } from './demo-accounts';
import { seedDemoReminders } from './demo-reminders';
import { seedDemoPrivacy } from '../privacy/demo-privacy';
import { JURISDICTIONS, PLANS, UNITS } from './demo-data';
import { seedStudio, type SeededStudio, type SeedContext } from './demo-studio';

/**
 * Loads the demo data of demo-data.ts through the entities; see there for what it holds. The
 * loading is split by what it creates: the org rows here, each studio with its people
 * (demo-studio.ts) and dated records (demo-records.ts), then the accounts (demo-accounts.ts).
 */
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

  const c: SeedContext = { m, today, year, rand, pick, jurisdictions, units, nameIndex: 0 };
  const studios = new Map<string, SeededStudio>();
  for (const plan of PLANS) studios.set(plan.key, await seedStudio(c, plan));
  await seedAccounts(m, studios, jurisdictions, units);
  await seedDemoReminders(m, today, { jurisdictions, units });
  // Last: who has read the privacy notice, and one new apprentice who has not (privacy/).
  await seedDemoPrivacy(m, today, new Date());
}
