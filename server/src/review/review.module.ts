import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { ProgressModule } from '../progress/progress.module';
import { RecordsModule } from '../records/records.module';
import { RulesModule } from '../rules/rules.module';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';

/** The reviewer's meeting form: 评审意见, overrides of item scores, evidence as named records. */
@Module({
  imports: [AccessModule, AuditModule, RecordsModule, ProgressModule, RulesModule],
  controllers: [ReviewController],
  providers: [ReviewService],
})
export class ReviewModule {}
