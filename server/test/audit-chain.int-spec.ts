import request from 'supertest';
import { runAdmin } from '../src/admin/admin-cli';
import { DataSource, type FindOptionsWhere, IsNull } from 'typeorm';
import { verifyChain } from '../src/audit/audit-chain';
import { AuditChain1767830400000 } from '../src/database/migrations/1767830400000-AuditChain';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { AuditService } from '../src/audit/audit.service';
import { parseDatabaseUrl } from '../src/config/config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { ENTITIES, MIGRATIONS } from '../src/database/entities';
import type { Caller } from '../src/auth/caller';
import { makeAccount, makeTenant, type Tenant } from './factories/world';
import { freshDatabaseUrl, isMysql, startTestApp, type TestApp } from './support/test-app';

type Report = { ok: boolean; checked: number; firstBroken?: { id: number; reason: string } };

/** Issue 10 item 9: an audit log a bureau can trust. */
describe('audit chain', () => {
  let t: TestApp;
  let x: Tenant;
  const bearer = (c: Caller): string => `Bearer ${t.token(c)}`;
  const verify = async (): Promise<Report> =>
    (
      await request(t.http)
        .get('/api/audit/verify')
        .set('authorization', bearer(x.callers.reviewer))
        .expect(200)
    ).body as Report;
  const entries = (where: FindOptionsWhere<AuditEntry>) =>
    t.db.getRepository(AuditEntry).find({ where, order: { id: 'ASC' } });

  beforeAll(async () => {
    t = await startTestApp({ DEMO_LOGIN: 'true' });
    x = await makeTenant(t.db, '寅');
    await t.db.query("UPDATE accounts SET username = 'yin-leader' WHERE id = ?", [
      x.callers.leader.accountId,
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('records sign-ins and failed sign-ins with the IP', async () => {
    await request(t.http).post('/api/auth/demo').send({ username: 'yin-leader' }).expect(200);
    await request(t.http).post('/api/auth/demo').send({ username: 'no-such-user' }).expect(404);
    const [ok] = await entries({ action: 'signin', accountId: x.callers.leader.accountId });
    expect(ok).toMatchObject({
      recordType: 'account',
      accountName: '寅领办人',
      ip: expect.stringMatching(/127\.0\.0\.1|::1/),
    });
    const [failed] = await entries({ action: 'signin_failed', accountId: IsNull() });
    expect(failed).toMatchObject({
      accountId: null,
      ip: expect.stringMatching(/127\.0\.0\.1|::1/),
    });
    expect(JSON.parse(failed?.after ?? '{}')).toEqual({ method: 'demo', username: 'no-such-user' });
  });

  it('records sign-offs, finalizations and role grants, with the actor named at write time', async () => {
    const signoff = await request(t.http)
      .post(`/api/studios/${x.studioId}/signoffs`)
      .set('authorization', bearer(x.callers.unit_contact))
      .send({ recordType: 'fund', recordId: x.fundId })
      .expect(201);
    await request(t.http)
      .post(`/api/studios/${x.studioId}/periods/2025/finalize`)
      .set('authorization', bearer(x.callers.reviewer))
      .expect(200);
    const inv = await request(t.http)
      .post('/api/invitations')
      .set('authorization', bearer(x.callers.reviewer))
      .send({ role: 'unit_contact', unitId: x.unitId })
      .expect(201);
    const newcomer = await t.db.transaction((m) => makeAccount(m, '寅新人', null, []));
    await request(t.http)
      .post('/api/auth/redeem')
      .set('authorization', bearer(newcomer))
      .send({ code: (inv.body as { code: string }).code })
      .expect(200);

    const signoffId = (signoff.body as { signoff: { id: number } }).signoff.id;
    expect(await entries({ recordType: 'signoff', recordId: signoffId })).toEqual([
      expect.objectContaining({
        action: 'create',
        accountName: '寅单位联系人',
        studioId: x.studioId,
      }),
    ]);
    expect(await entries({ recordType: 'period', action: 'finalize' })).toEqual([
      expect.objectContaining({ accountName: '寅评审', studioId: x.studioId }),
    ]);
    const [grant] = await entries({ recordType: 'role', action: 'grant' });
    expect(grant).toMatchObject({ accountId: newcomer.accountId, accountName: '寅新人' });
    expect(JSON.parse(grant?.after ?? '{}')).toMatchObject({
      role: 'unit_contact',
      unitId: x.unitId,
    });

    // Renaming the account later does not rewrite history.
    await t.db.query('UPDATE accounts SET name = ? WHERE id = ?', [
      '改名后',
      x.callers.unit_contact.accountId,
    ]);
    const list = await request(t.http)
      .get(`/api/studios/${x.studioId}/audit`)
      .set('authorization', bearer(x.callers.leader))
      .expect(200);
    expect(
      (list.body as { items: { accountName: string; action: string }[] }).items.find(
        (i) => i.action === 'create' && i.accountName === '寅单位联系人',
      ),
    ).toBeDefined();
  });

  it('chains concurrent writes without a fork', async () => {
    const writes = Array.from({ length: 24 }, (_, i) =>
      request(t.http)
        .post(`/api/studios/${x.studioId}/funds`)
        .set('authorization', bearer(x.callers.leader))
        .send({
          direction: 'income',
          source: 'unit_matching',
          category: '配套',
          amount: i + 1,
          date: '2026-03-01',
        }),
    );
    const answers = await Promise.all(writes);
    expect(answers.filter((r) => r.status !== 201).map((r) => r.body as unknown)).toEqual([]);
    const all = await t.db.getRepository(AuditEntry).find({ order: { id: 'ASC' } });
    expect(all.map((e) => e.id)).toEqual(all.map((_, i) => i + 1));
    expect(new Set(all.map((e) => e.prevHash)).size).toBe(all.length);
    expect(await verify()).toEqual({ ok: true, checked: all.length });
  });

  it('appends a batch (an import) with one lock, chained exactly as single appends, beside concurrent writes', async () => {
    const audit = t.app.get(AuditService);
    const batch = Array.from({ length: 1203 }, (_, i) => ({
      studioId: x.studioId,
      accountId: x.callers.leader.accountId,
      recordType: 'fund' as const,
      recordId: 100000 + i,
      action: 'import' as const,
      before: i % 2 ? null : { i },
      after: { i, importedFrom: { fileName: 'f.csv', sha256: 'ab', line: i + 2 } },
    }));
    const single = Array.from({ length: 6 }, (_, i) =>
      request(t.http)
        .post(`/api/studios/${x.studioId}/funds`)
        .set('authorization', bearer(x.callers.leader))
        .send({
          direction: 'income',
          source: 'unit_matching',
          category: '配套',
          amount: i + 1,
          date: '2026-03-01',
        }),
    );
    await Promise.all([t.db.transaction((m) => audit.recordMany(m, batch)), ...single]);
    const mine = await entries({ recordType: 'fund', action: 'import' });
    expect(mine.map((e) => e.recordId)).toEqual(batch.map((b) => b.recordId));
    // One run of ids (the chain's lock is held for the whole batch), the actor named once for all.
    expect(mine.at(-1)!.id - mine[0]!.id).toBe(batch.length - 1);
    const [leader] = (await t.db.query('SELECT name FROM accounts WHERE id = ?', [
      x.callers.leader.accountId,
    ])) as { name: string }[];
    expect(new Set(mine.map((e) => e.accountName))).toEqual(new Set([leader!.name]));
    expect(JSON.parse(mine[5]!.after!)).toEqual(batch[5]!.after);
    const all = await t.db.getRepository(AuditEntry).count();
    expect(await verify()).toEqual({ ok: true, checked: all });
  });

  it('lets reviewers verify, and nobody else', async () => {
    for (const role of ['leader', 'member', 'unit_contact'] as const)
      await request(t.http)
        .get('/api/audit/verify')
        .set('authorization', bearer(x.callers[role]))
        .expect(403);
    await request(t.http).get('/api/audit/verify').expect(401);
  });

  it('offers no route that changes or deletes an entry', async () => {
    const doc = (await request(t.http).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const auditPaths = Object.entries(doc.paths).filter(([p]) => p.includes('audit'));
    expect(auditPaths.length).toBeGreaterThan(0);
    for (const [path, ops] of auditPaths) expect([path, Object.keys(ops)]).toEqual([path, ['get']]);
    for (const method of ['put', 'patch', 'delete'] as const) {
      const client = request(t.http);
      const res = await client[method]('/api/studios/' + x.studioId + '/audit/1')
        .set('authorization', bearer(x.callers.reviewer))
        .send({ after: 'x' });
      expect(res.status).toBe(404);
    }
  });

  it('names the first entry edited directly in the database, in the API and the admin command', async () => {
    const before = await verify();
    expect(before.ok).toBe(true);
    const victim = (await entries({ recordType: 'fund' }))[3] as AuditEntry;
    await t.db.query('UPDATE audit_log SET after = ? WHERE id = ?', ['{"amount":1}', victim.id]);
    expect(await verify()).toMatchObject({
      ok: false,
      firstBroken: { id: victim.id, reason: expect.stringMatching(/修改/) },
    });
    const lines: string[] = [];
    await expect(runAdmin(t.db, ['audit-verify'], (l) => lines.push(l))).rejects.toThrow(
      new RegExp(`BROKEN at entry ${victim.id}\\b`),
    );

    // Put it back: verifies again. Then delete one: the entry after the gap is named.
    await t.db.query('UPDATE audit_log SET after = ? WHERE id = ?', [victim.after, victim.id]);
    expect((await verify()).ok).toBe(true);
    await t.db.query(`DELETE FROM audit_log WHERE id = ?`, [victim.id]);
    expect(await verify()).toMatchObject({ ok: false, firstBroken: { id: victim.id + 1 } });
    await t.db.query(
      `DELETE FROM audit_log WHERE id = (SELECT m FROM (SELECT MAX(id) AS m FROM audit_log) AS t)`,
    );
    expect((await verify()).firstBroken?.id).toBe(victim.id + 1);
  });

  (isMysql() ? it : it.skip)(
    'keeps the chain when the newest entry is deleted',
    async () => {
      const fresh = await startTestApp();
      try {
        const y = await makeTenant(fresh.db, '卯');
        const token = `Bearer ${fresh.token(y.callers.leader)}`;
        for (const amount of [1, 2])
          await request(fresh.http)
            .post(`/api/studios/${y.studioId}/funds`)
            .set('authorization', token)
            .send({
              direction: 'income',
              source: 'unit_matching',
              category: '配套',
              amount,
              date: '2026-03-02',
            })
            .expect(201);
        const lines: string[] = [];
        await runAdmin(fresh.db, ['audit-verify'], (l) => lines.push(l));
        expect(lines).toEqual(['audit chain ok: 2 entries verified']);
        await fresh.db.query('DELETE FROM audit_log WHERE id = 2');
        await expect(runAdmin(fresh.db, ['audit-verify'], () => {})).rejects.toThrow(
          /BROKEN at entry 2\b/,
        );
      } finally {
        await fresh.close();
      }
    },
    30_000,
  );

  (isMysql() ? it : it.skip)(
    'chains the entries written before the migration, with the names of their accounts',
    async () => {
      const { url, drop } = await freshDatabaseUrl();
      const options = dataSourceOptions(parseDatabaseUrl(url), ENTITIES, MIGRATIONS);
      const old = new DataSource({
        ...options,
        entities: [],
        migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(AuditChain1767830400000)),
      });
      const current = new DataSource(options);
      try {
        await old.initialize();
        await old.query("INSERT INTO accounts (name, created_at) VALUES ('旧账号', NOW())");
        for (let i = 1; i <= 3; i++)
          await old.query(
            "INSERT INTO audit_log (studio_id, account_id, record_type, record_id, action, `before`, `after`, at) VALUES (NULL, 1, 'unit', ?, 'create', NULL, '{}', NOW())",
            [i],
          );
        await old.destroy();
        await current.initialize();
        expect(await verifyChain(current)).toEqual({ ok: true, checked: 3 });
        expect(
          (await current.getRepository(AuditEntry).findOneByOrFail({ id: 2 })).accountName,
        ).toBe('旧账号');
      } finally {
        if (old.isInitialized) await old.destroy();
        if (current.isInitialized) await current.destroy();
        await drop();
      }
    },
    60_000,
  );
});
