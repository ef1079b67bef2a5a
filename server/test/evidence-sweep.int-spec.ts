import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import request from 'supertest';
import { blobLeaseName } from '../src/evidence/blob-lease';
import {
  BlobSweepJob,
  removeIfUnreferenced,
  SWEEP_LEASE,
  sweepBlobs,
} from '../src/evidence/blob-sweep';
import { blobKey, thumbKey } from '../src/evidence/storage/blob-storage';
import { LocalDiskStorage } from '../src/evidence/storage/local-disk.storage';
import { DbLease } from '../src/common/lease/db-lease';
import { makeTenant, type Tenant } from './factories/world';
import { pdfOf, photoWithExif } from './support/evidence-files';
import { download } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/**
 * The blob collector on the local-disk store (the S3 store: evidence-s3.int-spec.ts). Blobs a crash
 * left behind (bytes but no row, a deleted row whose blob stayed, a temp file) go once older than
 * the grace period; referenced blobs and young orphans (an upload in flight) stay; of two
 * processes one sweeps per interval.
 */
describe('evidence blob sweep (local disk)', () => {
  let t: TestApp;
  let a: Tenant;
  let dir: string;
  let storage: LocalDiskStorage;
  const bearer = (): string => `Bearer ${t.token(a.callers.leader)}`;
  const upload = (key: string, body: Buffer, name: string) =>
    request(t.http)
      .post(`/api/studios/${a.studioId}/evidence?subject=facility&key=${key}`)
      .set('authorization', bearer())
      .attach('file', body, name);
  const onDisk = (key: string): boolean => existsSync(join(dir, key));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ev-sweep-'));
    t = await startTestApp({ EVIDENCE_DIR: dir });
    storage = new LocalDiskStorage(dir);
    a = await makeTenant(t.db, '壬');
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('collects crash leftovers older than the grace period, keeps referenced and young blobs', async () => {
    // Referenced: a photo (blob + thumbnail) on the sign.
    const kept = await upload('sign', await photoWithExif('#2a6'), 'sign.jpg').expect(201);
    const keptSha = String(
      (
        (await t.db.query('SELECT sha256 FROM evidence WHERE id = ?', [kept.body.id])) as {
          sha256: string;
        }[]
      )[0]!.sha256,
    );
    // Bytes stored, no row committed (the process died between the two).
    const lost = pdfOf(3000);
    await storage.putBuffer(blobKey(sha(lost)), lost);
    await storage.putBuffer(thumbKey(sha(lost)), Buffer.from('thumb'));
    // A row deleted whose blob stayed (the storage was down when it was removed).
    const gone = pdfOf(3100);
    const up = await upload('space', gone, 'space.pdf').expect(201);
    await t.db.query('DELETE FROM evidence WHERE id = ?', [up.body.id]);
    // The temp file of a write that never finished.
    const part = `${blobKey(sha(pdfOf(10)))}.4242.1700000000000.part`;
    mkdirSync(dirname(join(dir, part)), { recursive: true });
    writeFileSync(join(dir, part), 'half a file');

    const leftovers = [blobKey(sha(lost)), thumbKey(sha(lost)), blobKey(sha(gone)), part];
    for (const k of [...leftovers, blobKey(keptSha), thumbKey(keptSha)])
      expect(onDisk(k)).toBe(true);

    // Within the grace period nothing goes: an upload may be between its blob and its row.
    const now = Date.now();
    const early = await sweepBlobs(t.db, storage, new Date(now + 23 * HOUR), 24 * HOUR);
    expect(early).toMatchObject({ removed: 0, young: 4 }); // kept, lost, gone, part
    for (const k of leftovers) expect(onDisk(k)).toBe(true);

    // A day later the process holding the lease collects them.
    const job = t.app.get(BlobSweepJob);
    const later = new Date(now + 25 * HOUR);
    const r = await job.tick(later);
    expect(r).toMatchObject({ scanned: 6, removed: 3, young: 0 });
    for (const k of leftovers) expect(onDisk(k)).toBe(false);
    expect(onDisk(blobKey(keptSha))).toBe(true);
    expect(onDisk(thumbKey(keptSha))).toBe(true);
    const file = await download(t.http, `/api${kept.body.url as string}`);
    expect(file.status).toBe(200);
    const thumb = await download(t.http, `/api${kept.body.thumbUrl as string}`);
    expect(thumb.status).toBe(200);

    // Another process finds the lease held for the interval (6 h) and does not sweep; once it
    // lapses (the holder gone), it takes over.
    const other = new BlobSweepJob(t.db, new DbLease(t.db), storage, t.config);
    expect(await other.tick(new Date(later.getTime() + HOUR))).toBeNull();
    expect(await job.tick(new Date(later.getTime() + HOUR))).toMatchObject({ removed: 0 });
    const lease = (await t.db.query('SELECT holder FROM scheduler_leases WHERE name = ?', [
      SWEEP_LEASE,
    ])) as { holder: string }[];
    expect(lease).toHaveLength(1);
    expect(await other.tick(new Date(later.getTime() + 8 * HOUR))).toMatchObject({ removed: 0 });
  });

  // The blob's lease (evidence/blob-lease.ts) is a row, so this holds across replicas and Galera
  // nodes, where the row locks of one node do not reach the others.
  it('an upload of the same file during a removal waits for it, then stores the blob again', async () => {
    const pdf = pdfOf(4000);
    const key = blobKey(sha(pdf));
    await storage.putBuffer(key, pdf); // an old orphan of the same bytes
    // A removal (the collector, another replica) holds the blob's lease: it has found no row.
    const remover = new DbLease(t.db);
    expect(await remover.acquire(blobLeaseName(sha(pdf)), 60_000, new Date())).toBe(true);
    let answered = false;
    const pending = upload('equipment', pdf, 'eq.pdf').then((r) => {
      answered = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(answered).toBe(false); // waiting for the lease, not relying on bytes about to go
    expect(await t.db.query('SELECT id FROM evidence WHERE sha256 = ?', [sha(pdf)])).toHaveLength(
      0,
    );
    await storage.remove(key); // the removal deletes the bytes…
    await remover.drop(blobLeaseName(sha(pdf))); // …and is over
    const res = await pending;
    expect(res.status).toBe(201);
    expect(onDisk(key)).toBe(true); // stored again by the upload
    const back = await download(t.http, `/api${res.body.url as string}`);
    expect(back.body.equals(pdf)).toBe(true);
    // The lease row is gone with the upload: none piles up per blob.
    expect(
      await t.db.query('SELECT name FROM scheduler_leases WHERE name = ?', [
        blobLeaseName(sha(pdf)),
      ]),
    ).toHaveLength(0);
  });

  it('a removal while an upload of the same file holds its lease leaves the bytes for later', async () => {
    const pdf = pdfOf(4100);
    const key = blobKey(sha(pdf));
    await storage.putBuffer(key, pdf); // no row refers to it
    const uploader = new DbLease(t.db);
    expect(await uploader.acquire(blobLeaseName(sha(pdf)), 60_000, new Date())).toBe(true);
    // The upload may be about to commit its row: the removal does not look, and does not wait.
    expect(await removeIfUnreferenced(t.db, storage, sha(pdf))).toBe(false);
    expect(onDisk(key)).toBe(true);
    await uploader.drop(blobLeaseName(sha(pdf)));
    // The upload never came: now the bytes go.
    expect(await removeIfUnreferenced(t.db, storage, sha(pdf))).toBe(true);
    expect(onDisk(key)).toBe(false);
  });
});
