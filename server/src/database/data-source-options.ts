import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/config';

/**
 * The one place that turns configuration into TypeORM options. MySQL/MariaDB in
 * production; sql.js (SQLite compiled to WebAssembly, nothing to compile on install)
 * for the default local run. The same migrations run on both; never `synchronize`.
 */
export function dataSourceOptions(
  db: DatabaseConfig,
  entities: DataSourceOptions['entities'],
  migrations: DataSourceOptions['migrations'],
): DataSourceOptions {
  if (db.type === 'mysql') {
    return {
      type: 'mysql',
      url: db.url,
      charset: 'utf8mb4',
      timezone: 'Z',
      dateStrings: ['DATE'],
      entities,
      migrations,
      migrationsRun: true,
      synchronize: false,
      extra: { connectionLimit: 20 },
    };
  }
  if (db.file) mkdirSync(dirname(db.file), { recursive: true });
  return {
    type: 'sqljs',
    location: db.file ?? undefined,
    autoSave: db.file !== null,
    entities,
    migrations,
    migrationsRun: true,
    synchronize: false,
  };
}
