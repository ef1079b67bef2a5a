import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { RecordsModule } from '../records/records.module';
import { AttendanceService } from './attendance.service';
import { CheckinLock } from './checkin-lock';
import { CheckinController } from './checkin.controller';
import { CheckinService } from './checkin.service';

/** Rotating check-in codes (CheckinService) and the leader's attendance, roster and 补签 (AttendanceService); CheckinLock is what finalizing a period closes. */
@Module({
  imports: [AccessModule, AuditModule, RecordsModule],
  controllers: [CheckinController],
  providers: [CheckinService, AttendanceService, CheckinLock],
  exports: [CheckinLock],
})
export class CheckinModule {}
