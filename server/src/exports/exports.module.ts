import { Module } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { FactsLoader } from '../facts/facts.loader';
import { RulesService } from '../rules/rules.service';
import { ExportData } from './export-data';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/**
 * 材料导出: the official forms as xlsx / docx / zip. AccessService, FactsLoader and RulesService
 * are stateless readers provided here again because AppModule does not export its providers yet;
 * once the feature modules export them ("one shape"), import those modules instead.
 */
@Module({
  controllers: [ExportsController],
  providers: [AccessService, FactsLoader, RulesService, ExportData, ExportsService],
})
export class ExportsModule {}
