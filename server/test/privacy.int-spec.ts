import { PRIVACY_NOTICE_VERSION } from '@master-studio/shared-rules';
import request from 'supertest';
import { Activity } from '../src/activities/activity.entity';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { AuditService } from '../src/audit/audit.service';
import type { Caller } from '../src/auth/caller';
import { Attendance } from '../src/checkin/attendance.entity';
import { Certificate } from '../src/certificates/certificate.entity';
import { anonymiseStudio, runRetention, studiosPastRetention } from '../src/privacy/retention';
import { makeTenant, type Tenant } from './factories/world';
import { isMysql, startTestApp, type TestApp } from './support/test-app';

type Sheet = { total: number; items: { id: string; score: number }[] };
const numbers = (s: Sheet) => ({ total: s.total, items: s.items.map((i) => [i.id, i.score]) });

/** Notice and consent, export, correction and deletion of one's own data, and retention (issue 17). */
describe('privacy: consent, export, correction, deletion, retention', () => {
  let t: TestApp;
  let x: Tenant;
  let other: Tenant;
  const bearer = (c: Caller): string => `Bearer ${t.token(c)}`;
  const api = (c: Caller) => ({
    get: (p: string) => request(t.http).get(`/api${p}`).set('authorization', bearer(c)),
    post: (p: string, body: object) =>
      request(t.http).post(`/api${p}`).set('authorization', bearer(c)).send(body),
  });
  const privacyAudit = (action: string) =>
    t.db.getRepository(AuditEntry).countBy({ recordType: 'privacy', action: action as never });

  beforeAll(async () => {
    t = await startTestApp();
    x = await makeTenant(t.db, '隐');
    other = await makeTenant(t.db, '私', 'gongshu-2020');
    // The apprentice (隐王): a check-in and a certificate inside 2025, one of each in 2026.
    const later = await t.db.getRepository(Activity).save({
      studioId: x.studioId,
      kind: 'training',
      title: '2026 培训',
      date: '2026-06-01',
      location: null,
      extraAttendance: 0,
      checkinOpen: false,
    });
    for (const activityId of [x.activityId, later.id])
      await t.db.getRepository(Attendance).insert({
        activityId,
        personId: x.apprenticePersonId,
        studioId: x.studioId,
        checkedInAt: new Date(),
        source: 'scan',
        addedBy: null,
      });
    await t.db.getRepository(Certificate).update({ id: x.certificateId }, { number: 'Z-2025-001' });
    await t.db.getRepository(Certificate).insert({
      studioId: x.studioId,
      apprenticeId: x.apprenticeId,
      level: 'technician',
      awardedOn: '2026-03-01',
      number: 'Z-2026-002',
    });
    await t.db.query('UPDATE people SET birth_date = ?, retirement_category = ? WHERE id = ?', [
      '2001-04-01',
      'female_worker',
      x.apprenticePersonId,
    ]);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('asks for the notice until the current version is consented to, and records the consent', async () => {
    const me = api(x.callers.apprentice);
    expect((await me.get('/privacy/status').expect(200)).body).toMatchObject({
      version: PRIVACY_NOTICE_VERSION,
      consentedVersion: null,
      needsConsent: true,
    });
    const stale = await me.post('/privacy/consent', { version: '2000-01-01', channel: 'h5' });
    expect(stale.status).toBe(400);
    expect((await me.get('/privacy/status')).body.needsConsent).toBe(true);
    const ok = await me
      .post('/privacy/consent', { version: PRIVACY_NOTICE_VERSION, channel: 'weapp' })
      .expect(200);
    expect(ok.body).toMatchObject({
      needsConsent: false,
      consentedVersion: PRIVACY_NOTICE_VERSION,
    });
    const rows = (await t.db.query(
      'SELECT version, channel FROM privacy_consents WHERE account_id = ?',
      [x.callers.apprentice.accountId],
    )) as { version: string; channel: string }[];
    expect(rows).toEqual([{ version: PRIVACY_NOTICE_VERSION, channel: 'weapp' }]);
    expect(await privacyAudit('consent')).toBe(1);
    // Another account still has to read it.
    expect((await api(x.callers.member).get('/privacy/status')).body.needsConsent).toBe(true);
  });

  it('exports the caller’s own data and nobody else’s', async () => {
    const res = await api(x.callers.apprentice).get('/privacy/export').expect(200);
    const body = res.body as Record<string, unknown[]> & {
      person: { name: string; birthDate: string };
    };
    expect(body.person).toMatchObject({ name: '隐王', birthDate: '2001-04-01' });
    expect(body.attendance).toHaveLength(2);
    expect(body.certificates).toHaveLength(2);
    expect(body.roles).toEqual([
      expect.objectContaining({ role: 'apprentice', studio: '隐张焊工技能大师工作室' }),
    ]);
    expect(body.apprenticeships).toHaveLength(1);
    expect(body.consents).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain('隐李'); // the member, not her
    expect(await privacyAudit('export')).toBe(1);
  });

  it('sends a correction to the studio’s leader, who alone sees and settles it', async () => {
    const sent = await api(x.callers.apprentice)
      .post('/privacy/corrections', { message: '出生日期应为 2001-05-01' })
      .expect(201);
    expect(sent.body).toMatchObject({ kind: 'correction', status: 'open', studioId: x.studioId });
    const path = `/studios/${x.studioId}/privacy-requests`;
    const seen = await api(x.callers.leader).get(path).expect(200);
    expect(seen.body.items).toEqual([
      expect.objectContaining({ message: '出生日期应为 2001-05-01', requesterName: '隐徒弟' }),
    ]);
    await api(x.callers.member).get(path).expect(403);
    await api(x.callers.apprentice).get(path).expect(403);
    await api(other.callers.leader).get(path).expect(404);
    await api(x.callers.reviewer).post('/privacy/corrections', { message: '改名' }).expect(409);
    const idCard = await api(x.callers.apprentice).post('/privacy/corrections', {
      message: '身份证 11010519491231002X',
    });
    expect(idCard.status).toBe(400);
    expect(idCard.body.fields.message).toContain('身份证');
    const done = await api(x.callers.leader)
      .post(`${path}/${sent.body.id}/resolve`, { resolution: '已更正' })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'done', resolution: '已更正' });
    const mine = await api(x.callers.apprentice).get('/privacy/requests').expect(200);
    expect(mine.body.items[0]).toMatchObject({ status: 'done', resolution: '已更正' });
    expect(await privacyAudit('request')).toBe(1);
    expect(await privacyAudit('resolve')).toBe(1);
  });

  it('refuses deletion while the caller leads a studio', async () => {
    const res = await api(x.callers.leader).post('/privacy/deletion', { confirm: true });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('PRIVACY_ROLE_HELD');
    await api(x.callers.apprentice).post('/privacy/deletion', {}).expect(400);
  });

  it('deletes what no finalized assessment needs, keeps the finalized sheet’s numbers, says what it kept', async () => {
    const reviewer = api(x.callers.reviewer);
    await reviewer.post(`/studios/${x.studioId}/periods/2025/finalize`, {}).expect(200);
    const storedBefore = (await reviewer.get(`/studios/${x.studioId}/periods`).expect(200)).body
      .items[0].sheet as Sheet;
    const liveBefore = (await reviewer.get(`/studios/${x.studioId}/assessment?asOf=2025-12-31`))
      .body as Sheet;

    const res = await api(x.callers.apprentice)
      .post('/privacy/deletion', { confirm: true })
      .expect(200);
    const what = (list: { what: string; count: number }[]) =>
      Object.fromEntries(list.map((i) => [i.what, i.count]));
    expect(what(res.body.removed)).toMatchObject({ 签到记录: 1, 技能证书记录: 1, 角色: 1 });
    expect(what(res.body.kept)).toMatchObject({
      '签到记录（匿名）': 1,
      '技能证书记录（匿名，已清除证书编号）': 1,
      '学徒档案（匿名）': 1,
    });
    for (const k of res.body.kept as { why: string }[]) expect(k.why.length).toBeGreaterThan(5);

    const storedAfter = (await reviewer.get(`/studios/${x.studioId}/periods`)).body.items[0]
      .sheet as Sheet;
    const liveAfter = (await reviewer.get(`/studios/${x.studioId}/assessment?asOf=2025-12-31`))
      .body as Sheet;
    expect(numbers(storedAfter)).toEqual(numbers(storedBefore));
    expect(numbers(liveAfter)).toEqual(numbers(liveBefore));
    expect(JSON.stringify(storedAfter)).not.toContain('隐王');

    const [person] = (await t.db.query(
      'SELECT name, birth_date, retirement_category FROM people WHERE id = ?',
      [x.apprenticePersonId],
    )) as Record<string, unknown>[];
    expect(person).toEqual({
      name: `已删除人员#${x.apprenticePersonId}`,
      birth_date: null,
      retirement_category: null,
    });
    const certs = (await t.db.query(
      'SELECT awarded_on, number FROM certificates WHERE apprentice_id = ?',
      [x.apprenticeId],
    )) as { number: string | null }[];
    expect(certs).toHaveLength(1);
    expect(certs[0]!.number).toBeNull();
    expect(await t.db.getRepository(Attendance).countBy({ personId: x.apprenticePersonId })).toBe(
      1,
    );
    const [account] = (await t.db.query(
      'SELECT name, username, wechat_openid, person_id FROM accounts WHERE id = ?',
      [x.callers.apprentice.accountId],
    )) as Record<string, unknown>[];
    expect(account).toEqual({
      name: '已注销账号',
      username: null,
      wechat_openid: null,
      person_id: null,
    });
    // The roles went with it: the old token no longer reaches the studio.
    await api(x.callers.apprentice).get(`/studios/${x.studioId}`).expect(404);
    expect(await privacyAudit('erase')).toBe(1);
    const entry = await t.db
      .getRepository(AuditEntry)
      .findOneByOrFail({ recordType: 'privacy', action: 'erase' as never });
    expect(`${entry.after}`).not.toContain('隐王');
    const chain = await api(x.callers.reviewer).get('/audit/verify').expect(200);
    expect(chain.body).toMatchObject({ ok: true });
  });

  it('anonymises an ended studio past retention once, whichever process gets there first', async () => {
    await t.db.query("UPDATE studios SET status = 'revoked' WHERE id = ?", [other.studioId]);
    const audit = t.app.get(AuditService);
    const today = new Date().toISOString().slice(0, 10);
    // First seen ended today: kept for the retention period.
    expect(await runRetention(t.db, audit, today)).toEqual({ studios: 0, people: 0 });
    const later = `${Number(today.slice(0, 4)) + 4}${today.slice(4)}`;
    if (isMysql()) {
      expect(await studiosPastRetention(t.db, later)).toEqual([other.studioId]);
      // Two "processes" (two pooled connections) at once: exactly one does the work.
      const results = await Promise.all([
        anonymiseStudio(t.db, audit, other.studioId),
        anonymiseStudio(t.db, audit, other.studioId),
      ]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    } else {
      expect((await runRetention(t.db, audit, later)).studios).toBe(1);
    }
    expect(await runRetention(t.db, audit, later)).toEqual({ studios: 0, people: 0 });
    const names = (await t.db.query(
      'SELECT p.name FROM people p JOIN apprentices a ON a.person_id = p.id WHERE a.studio_id = ?',
      [other.studioId],
    )) as { name: string }[];
    expect(names.every((n) => n.name.startsWith('已删除人员#'))).toBe(true);
    // The running studio is untouched.
    const mine = (await t.db.query(
      'SELECT name FROM people WHERE id IN (SELECT leader_person_id FROM studios WHERE id = ?)',
      [x.studioId],
    )) as { name: string }[];
    expect(mine[0]!.name).toBe('隐张');
    expect(await privacyAudit('anonymise')).toBe(1);
  });
});
