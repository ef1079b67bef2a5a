import { readdirSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { type Caller, toPayload } from '../src/auth/caller';
import { EvidenceLinks } from '../src/evidence/evidence-links';
import { makeTenant, type Tenant } from './factories/world';
import { docx, executable, pdfOf, photoWithExif, plainZip } from './support/evidence-files';
import { download, zipOf } from './support/files';
import { startTestApp, TEST_SECRET, type TestApp } from './support/test-app';

jest.setTimeout(60_000);

interface View {
  id: number;
  mime: string;
  url: string;
  thumbUrl: string | null;
  sizeBytes: number;
  subject: string;
  key: string;
}

/** Every file under dir (recursively). */
const filesUnder = (dir: string): string[] => {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name));
  } catch {
    return [];
  }
};

describe('evidence', () => {
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  let dir: string;
  const bearer = (c: Caller) => `Bearer ${t.token(c)}`;
  const upload = (
    c: Caller,
    studioId: number,
    subject: string,
    key: string | number,
    body: Buffer,
    filename = 'file.jpg',
    contentType = 'image/jpeg',
  ) =>
    request(t.http)
      .post(`/api/studios/${studioId}/evidence?subject=${subject}&key=${key}`)
      .set('authorization', bearer(c))
      .attach('file', body, { filename, contentType });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ev-'));
    t = await startTestApp({ EVIDENCE_DIR: dir });
    a = await makeTenant(t.db, '甲');
    b = await makeTenant(t.db, '乙');
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a photo of the sign without its EXIF, with a thumbnail, behind a signed link', async () => {
    const photo = await photoWithExif();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const res = await upload(a.callers.leader, a.studioId, 'facility', 'sign', photo, '标识牌.jpg');
    expect(res.status).toBe(201);
    const v = res.body as View;
    expect(v).toMatchObject({ mime: 'image/jpeg', subject: 'facility', key: 'sign' });
    expect(v.url).toMatch(/^\/evidence\/file\?token=/);
    const file = await download(t.http, `/api${v.url}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(file.body).metadata();
    expect(meta.exif).toBeUndefined();
    expect(file.body.toString('latin1')).not.toContain('AcmeCam');
    expect([meta.width, meta.height]).toEqual([1200, 900]);
    const thumb = await download(t.http, `/api${v.thumbUrl!}`);
    expect(thumb.status).toBe(200);
    const tm = await sharp(thumb.body).metadata();
    expect(Math.max(tm.width!, tm.height!)).toBe(320);
  });

  it('keeps EXIF only when the studio says so', async () => {
    await request(t.http)
      .put(`/api/studios/${b.studioId}/evidence/settings`)
      .set('authorization', bearer(b.callers.leader))
      .send({ keepPhotoMetadata: true })
      .expect(200);
    const photo = await photoWithExif('#3c3');
    const res = await upload(b.callers.leader, b.studioId, 'facility', 'honours_board', photo);
    expect(res.status).toBe(201);
    const file = await download(t.http, `/api${(res.body as View).url}`);
    expect(file.body.equals(photo)).toBe(true);
  });

  it('stores the same file once however often it is attached, and answers a repeat with the same row', async () => {
    const pdf = pdfOf(300_000);
    const before = filesUnder(join(dir, 'blobs')).length;
    const r1 = await upload(
      a.callers.leader,
      a.studioId,
      'achievement',
      a.achievementId,
      pdf,
      '证书.pdf',
      'application/pdf',
    );
    const r2 = await upload(
      a.callers.member,
      a.studioId,
      'certificate',
      a.certificateId,
      pdf,
      'x.pdf',
      'application/pdf',
    );
    const r3 = await upload(
      a.callers.leader,
      a.studioId,
      'achievement',
      a.achievementId,
      pdf,
      '证书.pdf',
      'application/pdf',
    );
    expect([r1.status, r2.status, r3.status]).toEqual([201, 201, 201]);
    expect((r1.body as View).mime).toBe('application/pdf');
    expect((r3.body as View).id).toBe((r1.body as View).id);
    expect((r2.body as View).id).not.toBe((r1.body as View).id);
    expect(filesUnder(join(dir, 'blobs')).length).toBe(before + 1);
    const back = await download(t.http, `/api${(r2.body as View).url}`);
    expect(back.body.equals(pdf)).toBe(true);
  });

  it('decides the type from the content: a renamed executable and a plain zip are refused, Office is taken', async () => {
    const exe = await upload(
      a.callers.leader,
      a.studioId,
      'facility',
      'space',
      executable(),
      'photo.jpg',
      'image/jpeg',
    );
    expect([exe.status, exe.body.code]).toEqual([415, 'FILE_TYPE_REFUSED']);
    expect(exe.body.message).toContain('可执行程序');
    const zip = await upload(
      a.callers.leader,
      a.studioId,
      'facility',
      'space',
      await plainZip(),
      'a.docx',
      'application/octet-stream',
    );
    expect([zip.status, zip.body.code]).toEqual([415, 'FILE_TYPE_REFUSED']);
    const text = await upload(
      a.callers.leader,
      a.studioId,
      'facility',
      'space',
      Buffer.from('hello'),
      'a.pdf',
      'application/pdf',
    );
    expect(text.status).toBe(415);
    const word = await upload(
      a.callers.leader,
      a.studioId,
      'facility',
      'rules_posted',
      await docx(),
      'rules.bin',
      'application/octet-stream',
    );
    expect(word.status).toBe(201);
    expect((word.body as View).mime).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('checks the subject: an unknown facility is 400, another studio’s record is 404', async () => {
    const bad = await upload(
      a.callers.leader,
      a.studioId,
      'facility',
      'garden',
      pdfOf(100),
      'a.pdf',
    );
    expect(bad.status).toBe(400);
    const other = await upload(
      a.callers.leader,
      a.studioId,
      'achievement',
      b.achievementId,
      pdfOf(100),
      'a.pdf',
    );
    expect(other.status).toBe(404);
  });

  it('lets leader and member attach, reviewer and unit contact read, apprentice neither; other tenants get 404', async () => {
    const pdf = pdfOf(2000);
    expect((await upload(a.callers.apprentice, a.studioId, 'facility', 'space', pdf)).status).toBe(
      403,
    );
    expect(
      (await upload(a.callers.unit_contact, a.studioId, 'facility', 'space', pdf)).status,
    ).toBe(403);
    expect((await upload(a.callers.reviewer, a.studioId, 'facility', 'space', pdf)).status).toBe(
      403,
    );
    expect((await upload(b.callers.leader, a.studioId, 'facility', 'space', pdf)).status).toBe(404);
    const list = (c: Caller, studioId = a.studioId) =>
      request(t.http).get(`/api/studios/${studioId}/evidence`).set('authorization', bearer(c));
    for (const role of ['leader', 'member', 'reviewer', 'unit_contact'] as const)
      expect((await list(a.callers[role])).status).toBe(200);
    expect((await list(a.callers.apprentice)).status).toBe(403);
    expect((await list(b.callers.leader)).status).toBe(404);
    const mine = (await list(a.callers.leader)).body.items as View[];
    expect(mine.length).toBeGreaterThan(0);
    // Tenant B cannot delete A's file through its own studio, nor read it by a link of its own.
    const del = await request(t.http)
      .delete(`/api/studios/${b.studioId}/evidence/${mine[0]!.id}`)
      .set('authorization', bearer(b.callers.leader));
    expect(del.status).toBe(404);
    const forged = new EvidenceLinks(TEST_SECRET).sign(
      toPayload(b.callers.leader),
      a.studioId,
      mine[0]!.id,
      'file',
      Date.now(),
      300,
    );
    expect((await download(t.http, `/api/evidence/file?token=${forged}`)).status).toBe(404);
    const crossed = new EvidenceLinks(TEST_SECRET).sign(
      toPayload(b.callers.leader),
      b.studioId,
      mine[0]!.id,
      'file',
      Date.now(),
      300,
    );
    expect((await download(t.http, `/api/evidence/file?token=${crossed}`)).status).toBe(404);
  });

  it('refuses an expired or altered link', async () => {
    const [v] = (
      await request(t.http)
        .get(`/api/studios/${a.studioId}/evidence?subject=facility&key=sign`)
        .set('authorization', bearer(a.callers.leader))
    ).body.items as View[];
    const links = new EvidenceLinks(TEST_SECRET);
    const old = links.sign(
      toPayload(a.callers.leader),
      a.studioId,
      v!.id,
      'file',
      Date.now() - 301_000,
      300,
    );
    const expired = await download(t.http, `/api/evidence/file?token=${old}`);
    expect(expired.status).toBe(401);
    expect(expired.body.toString()).toContain('已过期');
    const fresh = links.sign(
      toPayload(a.callers.leader),
      a.studioId,
      v!.id,
      'file',
      Date.now() - 299_000,
      300,
    );
    expect((await download(t.http, `/api/evidence/file?token=${fresh}`)).status).toBe(200);
    const altered = v!.url.replace(/token=(.)/, (_, c: string) => `token=${c === 'e' ? 'f' : 'e'}`);
    expect((await download(t.http, `/api${altered}`)).status).toBe(401);
  });

  it('audits attach and remove, and removes the blob with its last attachment', async () => {
    const pdf = pdfOf(5000);
    const r = await upload(a.callers.leader, a.studioId, 'activity', a.activityId, pdf, 'p.pdf');
    expect(r.status).toBe(201);
    const id = (r.body as View).id;
    const blobs = filesUnder(join(dir, 'blobs')).length;
    await request(t.http)
      .delete(`/api/studios/${a.studioId}/evidence/${id}`)
      .set('authorization', bearer(a.callers.leader))
      .expect(204);
    expect(filesUnder(join(dir, 'blobs')).length).toBe(blobs - 1);
    const audit = await request(t.http)
      .get(`/api/studios/${a.studioId}/audit?recordType=evidence&recordId=${id}`)
      .set('authorization', bearer(a.callers.leader))
      .expect(200);
    expect((audit.body.items as { action: string }[]).map((x) => x.action)).toEqual([
      'delete',
      'create',
    ]);
  });

  it('keeps evidence of a finalized period, and purges a deleted record’s files once nothing refers to them', async () => {
    const x = await makeTenant(t.db, '丙');
    const onAch = await upload(
      x.callers.leader,
      x.studioId,
      'achievement',
      x.achievementId,
      pdfOf(4000),
      'patent.pdf',
    );
    const sign = await upload(
      x.callers.leader,
      x.studioId,
      'facility',
      'sign',
      await photoWithExif('#33c'),
    );
    const onAct = await upload(
      x.callers.leader,
      x.studioId,
      'activity',
      x.activityId,
      pdfOf(4100),
      'act.pdf',
    );
    expect([onAch.status, sign.status, onAct.status]).toEqual([201, 201, 201]);
    // The activity (2025-05-01) goes, before any period is finalized: its file waits, then is purged.
    const actDel = await request(t.http)
      .delete(`/api/studios/${x.studioId}/activities/${x.activityId}`)
      .set('authorization', bearer(x.callers.leader));
    expect(actDel.status).toBe(204);
    const usage = await request(t.http)
      .get(`/api/studios/${x.studioId}/evidence/usage`)
      .set('authorization', bearer(x.callers.leader))
      .expect(200);
    expect(usage.body.files).toBe(2);
    await request(t.http)
      .post(`/api/studios/${x.studioId}/periods/current/finalize?asOf=2026-06-30`)
      .set('authorization', bearer(x.callers.reviewer))
      .set('idempotency-key', 'ev-fin-1')
      .expect(200);
    const del = (id: number) =>
      request(t.http)
        .delete(`/api/studios/${x.studioId}/evidence/${id}`)
        .set('authorization', bearer(x.callers.leader));
    const r1 = await del((onAch.body as View).id);
    expect([r1.status, r1.body.code]).toEqual([409, 'PERIOD_FINALIZED']);
    const r2 = await del((sign.body as View).id);
    expect([r2.status, r2.body.code]).toEqual([409, 'PERIOD_FINALIZED']);
    const late = await upload(
      x.callers.leader,
      x.studioId,
      'achievement',
      x.achievementId,
      pdfOf(200),
      'late.pdf',
    );
    expect([late.status, late.body.code]).toEqual([409, 'PERIOD_FINALIZED']);
    // A file attached after the finalization is not part of it (times are whole seconds: a file of
    // the finalization's own second counts as part of it, so wait for the next one).
    await new Promise((r) => setTimeout(r, 1100));
    const after = await upload(
      x.callers.leader,
      x.studioId,
      'facility',
      'equipment',
      pdfOf(300),
      'eq.pdf',
    );
    expect((await del((after.body as View).id)).status).toBe(204);
  });

  it('marks 缺少佐证材料 and lists each item’s records with their files', async () => {
    await t.db.query('UPDATE studios SET has_sign = 1, has_honours_board = 1 WHERE id = ?', [
      a.studioId,
    ]);
    const res = await request(t.http)
      .get(`/api/studios/${a.studioId}/evidence/assessment?asOf=2026-06-30`)
      .set('authorization', bearer(a.callers.reviewer))
      .expect(200);
    type Item = {
      itemId: string;
      missing: boolean;
      subjects: { subject: string; key: string; label: string; files: View[] }[];
    };
    const byId = new Map((res.body.items as Item[]).map((i) => [i.itemId, i]));
    expect(byId.get('U4')!.missing).toBe(false);
    expect(byId.get('U4')!.subjects[0]!.files).toHaveLength(1);
    expect(byId.get('U5')!.missing).toBe(true); // claims an honours board, no photo
    const ub3 = byId.get('UB3')!;
    expect(ub3.subjects).toEqual([
      expect.objectContaining({
        subject: 'achievement',
        key: String(a.achievementId),
        label: '成果：焊缝检测装置',
      }),
    ]);
    expect(ub3.subjects[0]!.files.map((f) => f.mime)).toEqual(['application/pdf']);
    expect(ub3.missing).toBe(false);
  });
});

describe('evidence in the archive', () => {
  let t: TestApp;
  let a: Tenant;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ev-'));
    t = await startTestApp({ EVIDENCE_DIR: dir });
    a = await makeTenant(t.db, '己');
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts every attached file into the studio archive, under its record or facility', async () => {
    const bearer = `Bearer ${t.token(a.callers.leader)}`;
    const up = (subject: string, key: string | number, body: Buffer, name: string) =>
      request(t.http)
        .post(`/api/studios/${a.studioId}/evidence?subject=${subject}&key=${key}`)
        .set('authorization', bearer)
        .attach('file', body, name)
        .expect(201);
    const sign = await up('facility', 'sign', await photoWithExif(), '标识牌.jpg');
    const pdf = pdfOf(50_000);
    const cert = await up('achievement', a.achievementId, pdf, '专利证书.pdf');
    const stored = (await download(t.http, `/api${sign.body.url as string}`)).body;
    const res = await download(t.http, `/api/studios/${a.studioId}/exports/archive`, bearer);
    expect(res.status).toBe(200);
    const zip = await zipOf(res.body);
    const signName = `佐证材料/工作室标识牌/${sign.body.id as number}-标识牌.jpg`;
    const certName = `佐证材料/成果 #${a.achievementId}/${cert.body.id as number}-专利证书.pdf`;
    expect((await zip.file(signName)!.async('nodebuffer')).equals(stored)).toBe(true);
    expect((await zip.file(certName)!.async('nodebuffer')).equals(pdf)).toBe(true);
    const list = await zip.file('清单.txt')!.async('string');
    expect(list).toContain(signName);
    expect(list).toContain(certName);
  });
});

describe('evidence limits', () => {
  let t: TestApp;
  let a: Tenant;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ev-'));
    t = await startTestApp({ EVIDENCE_DIR: dir, EVIDENCE_MAX_MB: '1', EVIDENCE_QUOTA_MB: '1' });
    a = await makeTenant(t.db, '丁');
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const bearer = () => `Bearer ${t.token(a.callers.leader)}`;

  it('refuses a file over the limit while it streams (chunked, no Content-Length)', async () => {
    const server = (
      t.http as unknown as { listen: (p: number) => import('node:http').Server }
    ).listen(0);
    const port = (server.address() as AddressInfo).port;
    const boundary = 'xBOUNDARYx';
    let sent = 0;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          port,
          method: 'POST',
          path: `/api/studios/${a.studioId}/evidence?subject=facility&key=space`,
          headers: {
            authorization: bearer(),
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'transfer-encoding': 'chunked',
          },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
      );
      // Up to 8 MB in 64 KB chunks; the server answers long before the end.
      const chunk = Buffer.alloc(64 * 1024, 7);
      const pump = (): void => {
        while (sent < 8 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end(`\r\n--${boundary}--\r\n`);
      };
      pump();
    }).finally(() => server.close());
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).code).toBe('FILE_TOO_LARGE');
    expect(filesUnder(join(dir, 'blobs'))).toEqual([]);
  });

  it('refuses a declared Content-Length over the limit before reading it', async () => {
    const res = await request(t.http)
      .post(`/api/studios/${a.studioId}/evidence?subject=facility&key=space`)
      .set('authorization', bearer())
      .attach('file', pdfOf(1_300_000), 'big.pdf');
    expect([res.status, res.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
  });

  it('enforces the studio quota and shows the use to the leader', async () => {
    const up = (bytes: number) =>
      request(t.http)
        .post(`/api/studios/${a.studioId}/evidence?subject=facility&key=space`)
        .set('authorization', bearer())
        .attach('file', pdfOf(bytes), 'q.pdf');
    expect((await up(600_000)).status).toBe(201);
    const over = await up(600_000);
    expect([over.status, over.body.code]).toEqual([413, 'STORAGE_QUOTA_EXCEEDED']);
    const usage = await request(t.http)
      .get(`/api/studios/${a.studioId}/evidence/usage`)
      .set('authorization', bearer())
      .expect(200);
    expect(usage.body).toMatchObject({ usedBytes: 600_000, quotaBytes: 1024 * 1024, files: 1 });
  });
});
