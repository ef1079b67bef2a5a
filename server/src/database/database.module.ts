import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { ENTITIES, MIGRATIONS } from './entities';
import { RetryingDataSource } from './retrying-data-source';

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
          useFactory: () => dataSourceOptions(config.database, ENTITIES, MIGRATIONS),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('no data source options');
            return new RetryingDataSource(options).initialize();
          },
        }),
      ],
    };
  }
}
