import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ProgressModule } from '../progress/progress.module';
import { RulesModule } from '../rules/rules.module';
import { DashboardsController } from './dashboards.controller';
import { DashboardsService } from './dashboards.service';
import { ProgressSnapshots } from './progress-snapshots';

@Module({
  imports: [AccessModule, ProgressModule, RulesModule],
  controllers: [DashboardsController],
  providers: [DashboardsService, ProgressSnapshots],
  exports: [ProgressSnapshots],
})
export class DashboardsModule {}
