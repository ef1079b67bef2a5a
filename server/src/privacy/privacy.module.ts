import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { LeaseModule } from '../common/lease/lease.module';
import { PrivacyController } from './privacy.controller';
import { PrivacyService } from './privacy.service';
import { RetentionJob } from './retention';

/** Notice and consent, export / correction / deletion of one's own data, and the retention job. */
@Module({
  imports: [AccessModule, AuditModule, LeaseModule],
  controllers: [PrivacyController],
  providers: [PrivacyService, RetentionJob],
})
export class PrivacyModule {}
