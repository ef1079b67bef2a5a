import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { RecordsModule } from '../records/records.module';
import { JudgmentsController } from './judgments.controller';
import { JudgmentsService } from './judgments.service';

@Module({
  imports: [AccessModule, AuditModule, RecordsModule],
  controllers: [JudgmentsController],
  providers: [JudgmentsService],
})
export class JudgmentsModule {}
