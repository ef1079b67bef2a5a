import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { ENTITIES, MIGRATIONS } from './entities';

/** The data source (MySQL/MariaDB or embedded sql.js), global to every module. */
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.database, ENTITIES, MIGRATIONS))],
    };
  }
}
