import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { ENTITIES, MIGRATIONS } from './entities';
import { migrateUnderLease } from './migrate';

/**
 * `pnpm --filter @master-studio/server migrate`: runs pending migrations once, under the
 * database lease, before replicas start (they refuse an older schema when REPLICAS > 1 or
 * MIGRATE_ON_START=false). Reads only DATABASE_URL.
 */
async function main(): Promise<void> {
  const ds = new DataSource({
    ...dataSourceOptions(parseDatabaseUrl(process.env.DATABASE_URL), ENTITIES, MIGRATIONS),
    migrationsRun: false,
  });
  await ds.initialize();
  try {
    const ran = await migrateUnderLease(ds, (m) => console.log(m));
    console.log(ran ? `schema migrated (${ran} migration(s))` : 'schema already current');
  } finally {
    await ds.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
