import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source-options';
import { ENTITIES, MIGRATIONS } from './database/entities';
import { HealthController } from './health/health.controller';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.database, ENTITIES, MIGRATIONS))],
      controllers: [HealthController],
    };
  }
}
