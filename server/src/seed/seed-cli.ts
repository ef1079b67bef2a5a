import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../config/config';
import { dataSourceOptions } from '../database/data-source-options';
import { ENTITIES, MIGRATIONS } from '../database/entities';
import { seedDemoIfEmpty } from './demo-seed';

/** `pnpm --filter @master-studio/server seed`: migrate DATABASE_URL and load the demo data if it is empty. */
async function main(): Promise<void> {
  const ds = new DataSource(
    dataSourceOptions(parseDatabaseUrl(process.env.DATABASE_URL), ENTITIES, MIGRATIONS),
  );
  await ds.initialize();
  const seeded = await seedDemoIfEmpty(ds);
  console.log(seeded ? 'demo data loaded' : 'database already has data: nothing loaded');
  await ds.destroy();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
