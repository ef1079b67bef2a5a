import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { RECORD_DEFINITIONS } from './record-kinds';
import { RecordStore } from './record-store';
import { recordController } from './records.controller';
import { RecordsService } from './records.service';

/**
 * The studio records: one controller per kind of the registry (records/record-kinds.ts), one
 * service, and RecordStore, the one write path (exported for the finalized-period lock).
 */
@Module({
  imports: [AccessModule, AuditModule],
  controllers: Object.values(RECORD_DEFINITIONS).map(recordController),
  providers: [RecordStore, RecordsService],
  exports: [RecordStore],
})
export class RecordsModule {}
