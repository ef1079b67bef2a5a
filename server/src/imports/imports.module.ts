import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { ProgressModule } from '../progress/progress.module';
import { RulesModule } from '../rules/rules.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** Spreadsheet imports of a studio's records (preview, all-or-nothing commit) and their templates. */
@Module({
  imports: [AccessModule, AuditModule, ProgressModule, RulesModule],
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class ImportsModule {}
