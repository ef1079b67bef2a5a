import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { ENTITIES, MIGRATIONS } from './entities';

/**
 * For the TypeORM CLI only (style.md §7), e.g.
 *   DATABASE_URL=mysql://root@127.0.0.1:3306/ms pnpm typeorm migration:show -d dist/database/data-source.js
 * Only DATABASE_URL is read: migrations need no other configuration.
 */
export default new DataSource({
  ...dataSourceOptions(parseDatabaseUrl(process.env.DATABASE_URL), ENTITIES, MIGRATIONS),
  migrationsRun: false,
});
