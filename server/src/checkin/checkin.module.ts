import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { RecordsModule } from '../records/records.module';
import { CheckinLock } from './checkin-lock';
import { CheckinController } from './checkin.controller';
import { CheckinService } from './checkin.service';

/** Rotating check-in codes and attendance; CheckinLock is what finalizing a period closes. */
@Module({
  imports: [AccessModule, AuditModule, RecordsModule],
  controllers: [CheckinController],
  providers: [CheckinService, CheckinLock],
  exports: [CheckinLock],
})
export class CheckinModule {}
