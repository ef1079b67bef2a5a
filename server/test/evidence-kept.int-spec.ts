import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Caller } from '../src/auth/caller';
import { blobKey } from '../src/evidence/storage/blob-storage';
import { makeApprentice, makeTenant, type Tenant } from './factories/world';
import { pdfOf } from './support/evidence-files';
import { download } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(60_000);

/**
 * Issue 13 §3: deleting a record keeps its evidence until no finalized period refers to it.
 * A record that is not dated inside a finalized period can be deleted although the period's sheet
 * cites it: an apprentice who joined and signed the agreement in 2025 is counted by the urumqi
 * cycle item U16 (签订师带徒协议) of a sheet finalized for 2026-01-01…2026-06-30, whose lock
 * (records dated inside the period) does not hold him.
 */
describe('a deleted record’s files while a finalized sheet cites it', () => {
  let t: TestApp;
  let x: Tenant;
  let dir: string;
  const bearer = (c: Caller): string => `Bearer ${t.token(c)}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ev-kept-'));
    t = await startTestApp({ EVIDENCE_DIR: dir });
    x = await makeTenant(t.db, '辛');
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the cited record’s file (row, blob, link), and purges the uncited one’s, audited', async () => {
    const base = `/api/studios/${x.studioId}`;
    const leader = bearer(x.callers.leader);
    // Two apprentices of 2025: one signed the agreement (cited by U16), one did not (cited by nothing).
    const { signed, unsigned } = await t.db.transaction(async (m) => ({
      signed: (await makeApprentice(m, x.studioId, '辛甲', '2025-04-01')).apprentice,
      unsigned: await makeApprentice(m, x.studioId, '辛乙', '2025-04-02').then(async (r) => {
        await m.query('UPDATE apprentices SET agreement_signed_on = NULL WHERE id = ?', [
          r.apprentice.id,
        ]);
        return r.apprentice;
      }),
    }));
    const attach = (id: number, body: Buffer, name: string) =>
      request(t.http)
        .post(`${base}/evidence?subject=apprentice&key=${id}`)
        .set('authorization', leader)
        .attach('file', body, name)
        .expect(201);
    const keptPdf = pdfOf(7000);
    const kept = (await attach(signed.id, keptPdf, '师带徒协议.pdf')).body as {
      id: number;
      url: string;
    };
    const goneRes = (await attach(unsigned.id, pdfOf(7100), '学徒登记表.pdf')).body as {
      id: number;
    };
    const shaOf = async (id: number): Promise<string> =>
      String(
        ((await t.db.query('SELECT sha256 FROM evidence WHERE id = ?', [id])) as Row[])[0]!.sha256,
      );
    const keptSha = await shaOf(kept.id);
    const goneSha = await shaOf(goneRes.id);
    expect(existsSync(join(dir, blobKey(goneSha)))).toBe(true);

    // A second passes: the finalization must be later than the attachments (whole seconds).
    await new Promise((r) => setTimeout(r, 1100));
    const fin = await request(t.http)
      .post(`${base}/periods/2026-01-01_2026-06-30/finalize`)
      .set('authorization', bearer(x.callers.reviewer))
      .set('idempotency-key', 'ev-kept-fin')
      .expect(200);
    const items = (fin.body as { sheet: { items: { id: string; basedOn: string[] }[] } }).sheet
      .items;
    const cited = new Set(items.flatMap((i) => i.basedOn));
    // The premise: U16 cites the signed apprentice; nothing cites the unsigned one.
    expect(items.find((i) => i.id === 'U16')!.basedOn).toContain(String(signed.id));
    expect(cited.has(String(unsigned.id))).toBe(false);

    // Both records may be deleted: none of their dates lies in the finalized period.
    for (const id of [signed.id, unsigned.id])
      await request(t.http)
        .delete(`${base}/apprentices/${id}`)
        .set('authorization', leader)
        .expect(204);

    // The leader's storage view runs the purge.
    const usage = await request(t.http)
      .get(`${base}/evidence/usage`)
      .set('authorization', leader)
      .expect(200);
    expect(usage.body.files).toBe(1);
    const rows = (await t.db.query('SELECT id FROM evidence WHERE studio_id = ?', [
      x.studioId,
    ])) as Row[];
    expect(rows.map((r) => Number(r.id))).toEqual([kept.id]);

    // The cited file: row, blob and link all still there, and not removable by hand either.
    expect(existsSync(join(dir, blobKey(keptSha)))).toBe(true);
    const list = await request(t.http)
      .get(`${base}/evidence?subject=apprentice&key=${signed.id}`)
      .set('authorization', bearer(x.callers.reviewer))
      .expect(200);
    const [view] = list.body.items as { id: number; url: string }[];
    expect(view!.id).toBe(kept.id);
    const file = await download(t.http, `/api${view!.url}`);
    expect(file.status).toBe(200);
    expect(file.body.equals(keptPdf)).toBe(true);
    const del = await request(t.http)
      .delete(`${base}/evidence/${kept.id}`)
      .set('authorization', leader);
    expect([del.status, del.body.code]).toEqual([409, 'PERIOD_FINALIZED']);

    // The uncited file: row, blob gone; the removal is audited with its reason.
    expect(existsSync(join(dir, blobKey(goneSha)))).toBe(false);
    const audit = (id: number) =>
      request(t.http)
        .get(`${base}/audit?recordType=evidence&recordId=${id}`)
        .set('authorization', leader)
        .expect(200);
    const goneAudit = (await audit(goneRes.id)).body.items as {
      action: string;
      before: { reason?: string } | null;
    }[];
    expect(goneAudit.map((a) => a.action)).toEqual(['delete', 'create']);
    expect(goneAudit[0]!.before?.reason).toBe('所属记录已删除');
    const keptAudit = (await audit(kept.id)).body.items as { action: string }[];
    expect(keptAudit.map((a) => a.action)).toEqual(['create']);

    // A second look changes nothing: the cited file stays as long as the finalized sheet does.
    await request(t.http).get(`${base}/evidence/usage`).set('authorization', leader).expect(200);
    expect(existsSync(join(dir, blobKey(keptSha)))).toBe(true);
    const again = (await t.db.query('SELECT COUNT(*) AS n FROM evidence WHERE id = ?', [
      kept.id,
    ])) as Row[];
    expect(Number(again[0]!.n)).toBe(1);
  });
});

type Row = Record<string, unknown>;
