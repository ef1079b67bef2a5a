import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { ProgressModule } from '../progress/progress.module';
import { RulesModule } from '../rules/rules.module';
import { ExportData } from './export-data';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** 材料导出: the official forms as xlsx / docx / zip, read through the facts loader and the rules. */
@Module({
  imports: [AccessModule, ProgressModule, RulesModule, EvidenceModule],
  controllers: [ExportsController],
  providers: [ExportData, ExportsService],
})
export class ExportsModule {}
