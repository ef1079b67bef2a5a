import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { LeaseModule } from '../common/lease/lease.module';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ProgressModule } from '../progress/progress.module';
import { BlobSweepJob } from './blob-sweep';
import { EvidenceController } from './evidence.controller';
import { EvidenceSheetService } from './evidence-sheet.service';
import { EvidenceService } from './evidence.service';
import { BLOB_STORAGE, type BlobStorage } from './storage/blob-storage';
import { LocalDiskStorage } from './storage/local-disk.storage';
import { S3Storage } from './storage/s3.storage';

/**
 * 佐证材料: files attached to records and facilities, their storage, links and sheet view, and the
 * collector of blobs no row refers to.
 */
@Module({
  imports: [AccessModule, AuditModule, LeaseModule, ProgressModule],
  controllers: [EvidenceController],
  providers: [
    {
      provide: BLOB_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): BlobStorage =>
        config.evidence.storage.kind === 's3'
          ? new S3Storage(config.evidence.storage)
          : new LocalDiskStorage(config.evidence.storage.dir),
    },
    EvidenceService,
    EvidenceSheetService,
    BlobSweepJob,
  ],
  exports: [EvidenceService, BlobSweepJob],
})
export class EvidenceModule {}
