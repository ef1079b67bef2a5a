import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { CheckinModule } from '../checkin/checkin.module';
import { ProgressModule } from '../progress/progress.module';
import { RulesModule } from '../rules/rules.module';
import { PeriodsController } from './periods.controller';
import { PeriodsService } from './periods.service';

@Module({
  imports: [AccessModule, AuditModule, ProgressModule, RulesModule, CheckinModule],
  controllers: [PeriodsController],
  providers: [PeriodsService],
})
export class PeriodsModule {}
