import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { placeholders } from '../database/sql';
import { DbLease } from '../common/lease/db-lease';
import { withBlobLease } from './blob-lease';
import {
  BLOB_STORAGE,
  type BlobStorage,
  blobKey,
  isPartKey,
  shaOfKey,
  thumbKey,
} from './storage/blob-storage';

export const SWEEP_LEASE = 'evidence-blob-sweep';
const HOUR = 3_600_000;

/**
 * Removes the blob and thumbnail of `sha` when no evidence row refers to it, holding the blob's
 * lease (blob-lease.ts) from the check until the bytes are gone, so an upload of the same file
 * either committed its row first (and the bytes stay) or stores them again after. Does not wait:
 * while an upload holds the lease, nothing is removed and the collector looks again at its next
 * run. true when removed.
 */
export async function removeIfUnreferenced(
  db: DataSource,
  storage: BlobStorage,
  sha: string,
): Promise<boolean> {
  const r = await withBlobLease(db, sha, 0, async () => {
    const rows = (await db.query('SELECT id FROM evidence WHERE sha256 = ? LIMIT 1', [
      sha,
    ])) as unknown[];
    if (rows.length > 0) return false;
    await storage.remove(blobKey(sha));
    await storage.remove(thumbKey(sha));
    return true;
  });
  return r.ran && r.value;
}

export interface SweepResult {
  /** Objects listed under blobs/ and thumbs/. */
  scanned: number;
  /** Blobs (with their thumbnails) and temp files removed. */
  removed: number;
  /** Blobs and temp files younger than the grace period: not looked at, left for a later sweep. */
  young: number;
}

/**
 * The collector of blobs a crash left behind: bytes stored but no row committed (the process died
 * between the two), a row deleted whose blob removal failed, a local temp file of a write that
 * never finished. Only objects older than `graceMs` are touched: an upload in flight has stored
 * its blob and not yet committed its row. Every removal re-checks under the blob's lease.
 */
export async function sweepBlobs(
  db: DataSource,
  storage: BlobStorage,
  now: Date,
  graceMs: number,
): Promise<SweepResult> {
  const cutoff = now.getTime() - graceMs;
  const youngest = new Map<string, number>(); // sha → its newest object's time
  const parts: string[] = [];
  let scanned = 0;
  let young = 0;
  for (const prefix of ['blobs/', 'thumbs/']) {
    for await (const o of storage.list(prefix)) {
      scanned += 1;
      const t = o.modifiedAt.getTime();
      if (isPartKey(o.key)) {
        if (t < cutoff) parts.push(o.key);
        else young += 1;
        continue;
      }
      const sha = shaOfKey(o.key);
      if (sha) youngest.set(sha, Math.max(youngest.get(sha) ?? 0, t));
    }
  }
  const candidates = [...youngest.entries()].filter(([, t]) => t < cutoff).map(([sha]) => sha);
  const referenced = new Set<string>();
  for (let i = 0; i < candidates.length; i += 500) {
    const chunk = candidates.slice(i, i + 500);
    const rows = (await db.query(
      `SELECT DISTINCT sha256 FROM evidence WHERE sha256 IN (${placeholders(chunk)})`,
      chunk,
    )) as { sha256: string }[];
    for (const r of rows) referenced.add(String(r.sha256));
  }
  young += youngest.size - candidates.length;
  let removed = 0;
  for (const sha of candidates.filter((c) => !referenced.has(c)))
    if (await removeIfUnreferenced(db, storage, sha)) removed += 1;
  for (const key of parts) {
    await storage.remove(key);
    removed += 1;
  }
  return { scanned, removed, young };
}

/**
 * Runs sweepBlobs every EVIDENCE_SWEEP_HOURS (first ten minutes after boot). Of several server
 * processes one sweeps per interval: the database lease is taken for the whole interval and not
 * released, so the others find it held until it lapses; the holder takes it again at its next run,
 * and if the holder is gone another process takes over once it lapses.
 */
@Injectable()
export class BlobSweepJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Evidence');
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly db: DataSource,
    private readonly lease: DbLease,
    @Inject(BLOB_STORAGE) private readonly storage: BlobStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.evidence.sweepEveryHours * HOUR;
    if (every <= 0) return;
    const run = (): void => {
      this.tick().then(
        (r) =>
          r &&
          r.removed > 0 &&
          this.logger.log(`blob sweep: removed ${r.removed} unreferenced of ${r.scanned}`),
        (e: unknown) =>
          this.logger.warn(`blob sweep failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    };
    const first = setTimeout(() => {
      run();
      this.timer = setInterval(run, every);
      this.timer.unref();
    }, 600_000);
    first.unref();
    this.timer = first;
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One sweep if this process holds the lease; null when another process does (or one runs). */
  async tick(now = new Date()): Promise<SweepResult | null> {
    if (this.running) return null;
    this.running = true;
    try {
      const ttl = Math.max(60_000, this.config.evidence.sweepEveryHours * HOUR);
      if (!(await this.lease.acquire(SWEEP_LEASE, ttl, now))) return null;
      return await sweepBlobs(
        this.db,
        this.storage,
        now,
        this.config.evidence.sweepGraceHours * HOUR,
      );
    } finally {
      this.running = false;
    }
  }
}
