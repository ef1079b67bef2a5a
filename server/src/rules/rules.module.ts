import { Module } from '@nestjs/common';
import { RulesService } from './rules.service';

/** shared-rules' evaluate and score, with their errors as domain errors. */
@Module({ providers: [RulesService], exports: [RulesService] })
export class RulesModule {}
