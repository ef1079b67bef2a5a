import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { RulesModule } from '../rules/rules.module';
import { FactsLoader } from './facts.loader';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';

/** Facts from the database, and progress and assessment from shared-rules. */
@Module({
  imports: [AccessModule, RulesModule],
  controllers: [ProgressController],
  providers: [FactsLoader, ProgressService],
  exports: [FactsLoader, ProgressService],
})
export class ProgressModule {}
