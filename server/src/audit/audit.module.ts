import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditChainController, AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** The audit log: written inside each write's transaction (AuditService.record), read per studio. */
@Module({
  imports: [AccessModule],
  controllers: [AuditController, AuditChainController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
