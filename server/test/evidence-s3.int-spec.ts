/**
 * The S3 adapter against a real S3-compatible HTTP server: s3rver (npm), started in the test on a
 * free port with its own directory. Not a mock: the adapter's signed requests go over HTTP and
 * s3rver checks the AWS Signature V4.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import request from 'supertest';
import type { Caller } from '../src/auth/caller';
import { S3Storage } from '../src/evidence/storage/s3.storage';
import { createHash } from 'node:crypto';
import { sweepBlobs } from '../src/evidence/blob-sweep';
import { blobKey, thumbKey } from '../src/evidence/storage/blob-storage';
import { makeTenant, type Tenant } from './factories/world';
import { pdfOf, photoWithExif } from './support/evidence-files';
import { download } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(60_000);

describe('evidence on S3 storage (s3rver)', () => {
  let s3: S3rver;
  let dir: string;
  let t: TestApp;
  let a: Tenant;
  let storage: S3Storage;
  const bearer = (c: Caller) => `Bearer ${t.token(c)}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 's3rver-'));
    s3 = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: dir,
      configureBuckets: [{ name: 'evidence' }],
    });
    const { port } = await s3.run();
    const env = {
      EVIDENCE_STORAGE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: 'evidence',
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    };
    t = await startTestApp(env);
    storage = new S3Storage({
      kind: 's3',
      endpoint: env.S3_ENDPOINT,
      bucket: 'evidence',
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
    });
    a = await makeTenant(t.db, '戊');
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores, dedups, serves and deletes through the S3 API', async () => {
    const pdf = pdfOf(2 * 1024 * 1024);
    const up = (key: string, body: Buffer, name: string) =>
      request(t.http)
        .post(`/api/studios/${a.studioId}/evidence?subject=facility&key=${key}`)
        .set('authorization', bearer(a.callers.leader))
        .attach('file', body, name);
    const r1 = await up('space', pdf, 'a.pdf');
    const r2 = await up('equipment', pdf, 'b.pdf');
    const photo = await up('sign', await photoWithExif(), 'sign.jpg');
    expect([r1.status, r2.status, photo.status]).toEqual([201, 201, 201]);
    const rows = (await t.db.query('SELECT sha256 FROM evidence WHERE studio_id = ?', [
      a.studioId,
    ])) as { sha256: string }[];
    expect(new Set(rows.map((r) => r.sha256)).size).toBe(2);
    const sha = rows[0]!.sha256;
    expect(await storage.has(blobKey(sha))).toBe(true);
    const back = await download(t.http, `/api${r1.body.url as string}`);
    expect(back.status).toBe(200);
    expect(back.body.equals(pdf)).toBe(true);
    const thumb = await download(t.http, `/api${photo.body.thumbUrl as string}`);
    expect([thumb.status, thumb.headers['content-type']]).toEqual([200, 'image/jpeg']);
    const del = (id: number) =>
      request(t.http)
        .delete(`/api/studios/${a.studioId}/evidence/${id}`)
        .set('authorization', bearer(a.callers.leader))
        .expect(204);
    await del(r1.body.id as number);
    expect(await storage.has(blobKey(sha))).toBe(true); // still attached to the equipment
    await del(r2.body.id as number);
    expect(await storage.has(blobKey(sha))).toBe(false);
  });

  it('lists every key page by page, and the sweep collects old unreferenced blobs only', async () => {
    const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
    const kept = await request(t.http)
      .post(`/api/studios/${a.studioId}/evidence?subject=facility&key=rules_posted`)
      .set('authorization', bearer(a.callers.leader))
      .attach('file', pdfOf(5000), 'rules.pdf')
      .expect(201);
    const [row] = (await t.db.query('SELECT sha256 FROM evidence WHERE id = ?', [
      kept.body.id,
    ])) as { sha256: string }[];
    // Bytes stored without a row (a crash between the two), with a thumbnail.
    const lost = [pdfOf(2100), pdfOf(2200), pdfOf(2300)];
    for (const b of lost) {
      await storage.putBuffer(blobKey(sha(b)), b, 'application/pdf');
      await storage.putBuffer(thumbKey(sha(b)), Buffer.from('t'), 'image/jpeg');
    }
    const all: string[] = [];
    for await (const o of storage.list('blobs/', 2)) {
      expect(Math.abs(o.modifiedAt.getTime() - Date.now())).toBeLessThan(10 * 60_000);
      all.push(o.key);
    }
    const live = (await t.db.query('SELECT DISTINCT sha256 FROM evidence')) as {
      sha256: string;
    }[];
    expect(all.sort()).toEqual(
      [...live.map((r) => blobKey(r.sha256)), ...lost.map((b) => blobKey(sha(b)))].sort(),
    );
    expect(all).toHaveLength(live.length + 3);

    const now = Date.now();
    const early = await sweepBlobs(t.db, storage, new Date(now), 24 * 3_600_000);
    expect(early.removed).toBe(0);
    const r = await sweepBlobs(t.db, storage, new Date(now + 25 * 3_600_000), 24 * 3_600_000);
    expect(r.removed).toBe(3);
    for (const b of lost) {
      expect(await storage.has(blobKey(sha(b)))).toBe(false);
      expect(await storage.has(thumbKey(sha(b)))).toBe(false);
    }
    expect(await storage.has(blobKey(row!.sha256))).toBe(true);
    const back = await download(t.http, `/api${kept.body.url as string}`);
    expect(back.status).toBe(200);
  });
});
