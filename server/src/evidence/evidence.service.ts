// Over 300 lines: upload and removal share the finalized-period lock, the quota and the blob
// collection, which read best side by side; the removal rules themselves are evidence-removal.ts.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { type Caller, fromPayload, toPayload } from '../auth/caller';
import { DomainError, notFound } from '../common/domain-error';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { finalizedPeriodCovering, lockStudio, periodFinalized } from '../periods/finalized-lock';
import type {
  EvidenceUsage,
  EvidenceView,
  ListEvidenceQuery,
  SubjectKind,
} from './dto/evidence.dto';
import { withBlobLease } from './blob-lease';
import { removeIfUnreferenced } from './blob-sweep';
import { Evidence, EvidenceSettings } from './evidence.entity';
import { EvidenceLinks, type LinkVariant } from './evidence-links';
import { assertRemovable, orphanRemovable } from './evidence-removal';
import { requireSubject, subjectLabel } from './evidence-subjects';
import { preparePhoto } from './images';
import { BLOB_STORAGE, type BlobStorage, blobKey, thumbKey } from './storage/blob-storage';
import { receiveUpload } from './upload-stream';

/** How long an upload waits for a removal of the same file (or another upload of it) to finish. */
const BLOB_WAIT_MS = 20_000;

/** A file to stream out: its type, name and size are known before the first byte. */
export interface EvidenceFile {
  stream: Readable;
  mime: string;
  fileName: string;
}

/**
 * Evidence files: upload (streamed, typed by content, stored once per SHA-256), list with
 * signed links, removal (audited; refused for evidence of a finalized period), the per-studio
 * quota and the EXIF setting. Every entry point starts with the access check.
 */
@Injectable()
export class EvidenceService {
  private readonly links: EvidenceLinks;
  private readonly logger = new Logger('Evidence');

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    @Inject(BLOB_STORAGE) private readonly storage: BlobStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.links = new EvidenceLinks(config.auth.jwtSecret);
  }

  async upload(
    caller: Caller,
    studioId: number,
    subject: SubjectKind,
    key: string,
    req: IncomingMessage,
  ): Promise<EvidenceView> {
    await this.access.requireStudio(caller, studioId, 'edit');
    await requireSubject(this.db.manager, studioId, subject, key);
    const file = await receiveUpload(req, this.config.evidence.maxFileBytes);
    try {
      const keep = await this.keepMetadata(studioId);
      let sha256 = file.sha256;
      let size = file.size;
      let thumb: Buffer | null = null;
      let dims: { width: number; height: number } | null = null;
      let stored: Buffer | null = null;
      if (file.type.image) {
        const p = await preparePhoto(file.path, file.type.mime, keep);
        ({ stored, thumb } = p);
        dims = { width: p.width, height: p.height };
        if (stored) {
          sha256 = createHash('sha256').update(stored).digest('hex');
          size = stored.length;
        }
      }
      // The blob first, then the row: a row never points at a missing blob.
      const put = async (): Promise<void> => {
        if (stored) await this.storage.putBuffer(blobKey(sha256), stored, file.type.mime);
        else await this.storage.putFile(blobKey(sha256), file.path, size, file.type.mime);
        if (thumb) await this.storage.putBuffer(thumbKey(sha256), thumb, 'image/jpeg');
      };
      // The bytes and the row under the blob's lease: no removal of the same file (another request,
      // the collector, another replica or database node) checks and deletes in between.
      const held = await withBlobLease(this.db, sha256, BLOB_WAIT_MS, async () => {
        if (!(await this.storage.has(blobKey(sha256)))) await put();
        const row = await this.db.transaction(async (m) => {
          await lockStudio(m, studioId, 'write');
          const dates = await requireSubject(m, studioId, subject, key);
          const p = await finalizedPeriodCovering(m, studioId, dates);
          if (p) throw periodFinalized(p);
          const same = await m.findOneBy(Evidence, {
            studioId,
            subjectKind: subject,
            subjectKey: key,
            sha256,
          });
          if (same) return same; // the same file again (an outbox replay): stored once, answered again
          const used = await this.usedBytes(m, studioId);
          const known = await m.existsBy(Evidence, { studioId, sha256 });
          if (!known && used + size > this.config.evidence.quotaBytes)
            throw new DomainError(
              'STORAGE_QUOTA_EXCEEDED',
              `工作室附件空间已满（${mb(used)} / ${mb(this.config.evidence.quotaBytes)}），请删除不需要的附件或联系管理员`,
            );
          const values = {
            studioId,
            subjectKind: subject,
            subjectKey: key,
            sha256,
            mime: file.type.mime,
            sizeBytes: size,
            fileName: file.fileName,
            hasThumb: thumb !== null,
            width: dims?.width ?? null,
            height: dims?.height ?? null,
            uploadedBy: caller.accountId,
            uploadedAt: new Date(Math.floor(Date.now() / 1000) * 1000),
          };
          const ins = await m.insert(Evidence, values);
          const saved = { ...values, id: Number((ins.identifiers[0] as { id: number }).id) };
          await this.audit.record(m, {
            studioId,
            accountId: caller.accountId,
            recordType: 'evidence',
            recordId: saved.id,
            action: 'create',
            before: null,
            after: auditView(saved),
          });
          return saved;
        });
        return row;
      });
      if (!held.ran)
        throw new DomainError('EVIDENCE_BUSY', '同一个文件正在另一处保存或删除，请稍后重试');
      const row = held.value;
      return this.view(caller, row);
    } finally {
      await file.cleanup();
    }
  }

  async list(caller: Caller, studioId: number, q: ListEvidenceQuery): Promise<EvidenceView[]> {
    await this.access.requireStudio(caller, studioId, 'read');
    const where: { studioId: number; subjectKind?: string; subjectKey?: string } = { studioId };
    if (q.subject) where.subjectKind = q.subject;
    if (q.subject && q.key) where.subjectKey = q.key;
    const rows = await this.db.getRepository(Evidence).find({ where, order: { id: 'ASC' } });
    return rows.map((r) => this.view(caller, r));
  }

  /** Rows of the given subjects, for callers that have passed the `read` check. */
  async rowsOf(studioId: number): Promise<Evidence[]> {
    return this.db.getRepository(Evidence).find({ where: { studioId }, order: { id: 'ASC' } });
  }

  async remove(caller: Caller, studioId: number, id: number): Promise<void> {
    await this.access.requireStudio(caller, studioId, 'edit');
    const sha = await this.db.transaction(async (m) => {
      await lockStudio(m, studioId, 'write');
      const row = await m.findOneBy(Evidence, { id, studioId });
      if (!row) throw notFound('附件');
      await assertRemovable(m, row);
      await m.delete(Evidence, { id });
      await this.audit.record(m, {
        studioId,
        accountId: caller.accountId,
        recordType: 'evidence',
        recordId: id,
        action: 'delete',
        before: auditView(row),
        after: null,
      });
      return row.sha256;
    });
    await this.collect([sha]);
  }

  /**
   * Files of deleted records: kept while a finalized period refers to them, removed (audited)
   * once none does. Runs when the leader looks at the storage use.
   */
  async purgeOrphans(studioId: number): Promise<number> {
    const rows = await this.rowsOf(studioId);
    const gone: string[] = [];
    for (const row of rows) {
      if (row.subjectKind === 'facility') continue;
      const removed = await this.db.transaction(async (m) => {
        await lockStudio(m, studioId, 'write');
        if (!(await orphanRemovable(m, row))) return false;
        await m.delete(Evidence, { id: row.id });
        await this.audit.record(m, {
          studioId,
          accountId: null,
          recordType: 'evidence',
          recordId: row.id,
          action: 'delete',
          before: { ...auditView(row), reason: '所属记录已删除' },
          after: null,
        });
        return true;
      });
      if (removed) gone.push(row.sha256);
    }
    await this.collect(gone);
    return gone.length;
  }

  /**
   * Deletes the blobs (and thumbnails) no row refers to any more. One that fails (storage down)
   * stays behind for the blob collector (blob-sweep.ts).
   */
  private async collect(shas: string[]): Promise<void> {
    for (const sha of new Set(shas)) {
      try {
        await removeIfUnreferenced(this.db, this.storage, sha);
      } catch (e) {
        this.logger.warn(`blob ${sha} not removed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  async usage(caller: Caller, studioId: number): Promise<EvidenceUsage> {
    await this.access.requireStudio(caller, studioId, 'read');
    await this.purgeOrphans(studioId);
    const m = this.db.manager;
    return {
      usedBytes: await this.usedBytes(m, studioId),
      quotaBytes: this.config.evidence.quotaBytes,
      files: await m.countBy(Evidence, { studioId }),
      maxFileBytes: this.config.evidence.maxFileBytes,
      keepPhotoMetadata: await this.keepMetadata(studioId),
    };
  }

  async setKeepMetadata(caller: Caller, studioId: number, keep: boolean): Promise<EvidenceUsage> {
    await this.access.requireStudio(caller, studioId, 'edit');
    await this.db.transaction(async (m) => {
      await m.save(EvidenceSettings, { studioId, keepPhotoMetadata: keep });
      await this.audit.record(m, {
        studioId,
        accountId: caller.accountId,
        recordType: 'studio',
        recordId: studioId,
        action: 'update',
        before: null,
        after: { keepPhotoMetadata: keep },
      });
    });
    return this.usage(caller, studioId);
  }

  /** The file a signed link names, after the same access check as the list (404 across tenants). */
  async openLink(token: string): Promise<EvidenceFile> {
    const v = this.links.verify(token, Date.now());
    if (!v.ok)
      throw new DomainError(
        'UNAUTHENTICATED',
        v.reason === 'expired' ? '附件链接已过期，请刷新后重试' : '附件链接无效',
      );
    const caller = await this.access.effectiveCaller(fromPayload(v.payload));
    await this.access.requireStudio(caller, v.studioId, 'read');
    const row = await this.db
      .getRepository(Evidence)
      .findOneBy({ id: v.evidenceId, studioId: v.studioId });
    if (!row || (v.variant === 'thumb' && !row.hasThumb)) throw notFound('附件');
    const stream = await this.openBlob(row, v.variant);
    if (!stream) throw notFound('附件');
    return {
      stream,
      mime: v.variant === 'thumb' ? 'image/jpeg' : row.mime,
      fileName: row.fileName,
    };
  }

  openBlob(row: Evidence, variant: LinkVariant = 'file'): Promise<Readable | null> {
    return this.storage.open(variant === 'thumb' ? thumbKey(row.sha256) : blobKey(row.sha256));
  }

  view(caller: Caller, r: Evidence): EvidenceView {
    const now = Date.now();
    const ttl = this.config.evidence.linkTtlSeconds;
    const link = (t: LinkVariant): string =>
      `/evidence/file?token=${this.links.sign(toPayload(caller), r.studioId, r.id, t, now, ttl)}`;
    return {
      id: r.id,
      subject: r.subjectKind,
      key: r.subjectKey,
      mime: r.mime,
      image: r.mime.startsWith('image/'),
      sizeBytes: r.sizeBytes,
      fileName: r.fileName,
      width: r.width,
      height: r.height,
      uploadedAt: new Date(r.uploadedAt).toISOString(),
      uploadedBy: r.uploadedBy,
      url: link('file'),
      thumbUrl: r.hasThumb ? link('thumb') : null,
      expiresAt: new Date((Math.floor(now / 1000) + ttl) * 1000).toISOString(),
    };
  }

  private async usedBytes(m: EntityManager, studioId: number): Promise<number> {
    // Each stored blob counts once per studio, however many records it is attached to.
    const rows = (await m.query(
      'SELECT sha256, MAX(size_bytes) AS size FROM evidence WHERE studio_id = ? GROUP BY sha256',
      [studioId],
    )) as { size: unknown }[];
    return rows.reduce((n, r) => n + Number(r.size), 0);
  }

  private async keepMetadata(studioId: number): Promise<boolean> {
    const s = await this.db.getRepository(EvidenceSettings).findOneBy({ studioId });
    return s?.keepPhotoMetadata ?? false;
  }
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

const auditView = (r: Omit<Evidence, 'id'> & { id: number }) => ({
  id: r.id,
  subject: r.subjectKind,
  key: r.subjectKey,
  label: subjectLabel(r.subjectKind, r.subjectKey),
  sha256: r.sha256,
  mime: r.mime,
  sizeBytes: r.sizeBytes,
  fileName: r.fileName,
});
