import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { ENTITIES, MIGRATIONS } from './entities';
import { migrateUnderLease, pendingMigrations, SchemaBehindError } from './migrate';
import { RetryingDataSource } from './retrying-data-source';

const logger = new Logger('Migrations');

/**
 * The data source (MySQL/MariaDB or embedded sql.js), global to every module. It is a
 * RetryingDataSource: every transaction retries write conflicts (deadlock victims, Galera
 * certification failures) in that one place.
 */
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // Migrations run here, under a lease (migrate.ts), not by TypeORM at connect.
          useFactory: () => ({
            ...dataSourceOptions(config.database, ENTITIES, MIGRATIONS),
            migrationsRun: false,
            // A schema older than the code is not a connection problem: fail at once.
            toRetry: (e: unknown) => !(e instanceof SchemaBehindError),
          }),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('no data source options');
            const ds = await new RetryingDataSource(options).initialize();
            if (config.migrateOnStart) {
              await migrateUnderLease(ds, (m) => logger.log(m));
            } else {
              const pending = await pendingMigrations(ds);
              if (pending > 0) {
                await ds.destroy();
                throw new SchemaBehindError(pending);
              }
            }
            return ds;
          },
        }),
      ],
    };
  }
}
