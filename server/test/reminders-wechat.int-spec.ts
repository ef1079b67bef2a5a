import request from 'supertest';
import { Account } from '../src/accounts/account.entity';
import { Activity } from '../src/activities/activity.entity';
import type { Caller } from '../src/auth/caller';
import { Reminder, WechatToken } from '../src/reminders/reminder.entities';
import { ReminderScanner } from '../src/reminders/scanner';
import { PushDispatcher } from '../src/reminders/wechat/push.dispatcher';
import { makeTenant, type Tenant } from './factories/world';
import { FakeWechat, wechatEnv } from './reminders/fake-wechat';
import { startTestApp, type TestApp } from './support/test-app';

/** Issue 14 §3: subscribe messages against a local fake of WeChat's token and send endpoints. */
// A loaded CI machine migrates a fresh database slowly; each step gets a minute.
jest.setTimeout(60_000);

describe('reminders pushed as WeChat subscribe messages', () => {
  const wx = new FakeWechat();
  let t: TestApp;
  let ten: Tenant;
  const leader = (): Caller => ten.callers.leader;
  const at = new Date('2026-12-01T02:00:00Z'); // 10:00 Shanghai
  const consent = (c: Caller, templateId = 'tmplDeadline0001', accepted = true) =>
    request(t.http)
      .post('/api/reminders/subscriptions')
      .set('authorization', `Bearer ${t.token(c)}`)
      .send({ templateId, accepted })
      .expect(200);
  const rowsOf = (accountId: number) =>
    t.db.getRepository(Reminder).find({ where: { accountId }, order: { id: 'ASC' } });

  beforeAll(async () => {
    await wx.start();
    t = await startTestApp(wechatEnv(wx.base));
    ten = await makeTenant(t.db, '微', 'urumqi-2023', '2025-03-01');
    await t.db.getRepository(Activity).update(ten.activityId, { date: '2026-01-10' });
    for (const [role, c] of Object.entries(ten.callers))
      await t.db.getRepository(Account).update(c.accountId, { wechatOpenid: `openid-${role}` });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await wx.stop();
  });

  it('sends one valid message per consent, with a token fetched once and cached in the database', async () => {
    await consent(leader());
    await consent(leader());
    await t.app.get(ReminderScanner).scan(at);
    const pending = (await rowsOf(leader().accountId)).filter((r) => r.pushStatus === 'pending');
    expect(pending.length).toBeGreaterThan(2);
    const result = await t.app.get(PushDispatcher).dispatch(at);
    expect(result.sent).toBe(2);
    const statuses = (await rowsOf(leader().accountId)).map((r) => r.pushStatus);
    expect(statuses.filter((x) => x === 'sent')).toHaveLength(2);
    // Without a consent a reminder stays in the inbox only (WeChat would refuse it).
    expect(statuses.filter((x) => x === 'no_consent')).toHaveLength(pending.length - 2);
    expect(wx.tokenRequests()).toHaveLength(1);
    expect(wx.tokenRequests()[0]?.query).toEqual({
      grant_type: 'client_credential',
      appid: 'wxTestApp0001',
      secret: 'test-secret-0001',
    });
    const sends = wx.sends();
    expect(sends).toHaveLength(2);
    for (const s of sends) {
      expect(s.method).toBe('POST');
      expect(s.query.access_token).toBe('tok-1');
      const body = s.body as {
        touser: string;
        template_id: string;
        page: string;
        data: Record<string, { value: string }>;
        miniprogram_state: string;
        lang: string;
      };
      expect(body).toMatchObject({
        touser: 'openid-leader',
        template_id: 'tmplDeadline0001',
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      });
      expect(body.page).toMatch(/^pages\/leader\/[a-z-]+\/index\?studioId=\d+/);
      expect(Object.keys(body.data)).toEqual(['thing1', 'thing2', 'date3', 'thing4']);
      expect(body.data.thing1?.value).toBe('微张焊工技能大师工作室');
      for (const k of ['thing1', 'thing2', 'thing4'])
        expect([...(body.data[k]?.value ?? '')].length).toBeLessThanOrEqual(20);
      expect(body.data.date3?.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    }
    const stored = await t.db
      .getRepository(WechatToken)
      .findOneByOrFail({ appId: 'wxTestApp0001' });
    expect(stored.accessToken).toBe('tok-1');
    expect(stored.expiresAt).toBe(at.getTime() + 7200_000);
    // Nothing left to send: the consents are used up.
    expect((await t.app.get(PushDispatcher).dispatch(at)).sent).toBe(0);
    expect(wx.sends()).toHaveLength(2);
  });

  it('an expired token (42001) is refreshed once and the message retried', async () => {
    const u = ten.callers.unit_contact;
    await consent(u);
    const m11 = new Date('2026-12-11T02:00:00Z'); // 11 months without an activity
    await t.app.get(ReminderScanner).scan(m11);
    wx.sendScript.push(42001);
    const before = wx.seen.length;
    const r = await t.app.get(PushDispatcher).dispatch(m11);
    expect(r.sent).toBe(1);
    const seen = wx.seen.slice(before).map((s) => `${s.path} ${s.query.access_token ?? ''}`);
    // Ten days on, the cached token has expired: fetched anew; then WeChat says 42001 once.
    expect(seen).toEqual([
      '/cgi-bin/token ',
      '/cgi-bin/message/subscribe/send tok-2',
      '/cgi-bin/token ',
      '/cgi-bin/message/subscribe/send tok-3',
    ]);
  });

  it('a refused consent (43101) is not retried, and the credit is cleared', async () => {
    const ap = ten.callers.apprentice;
    await t.app.get(ReminderScanner).scan(new Date('2026-01-10T01:00:00Z')); // the activity's day
    await consent(ap, 'tmplActivity0001');
    wx.sendScript.push(43101);
    const before = wx.sends().length;
    const r = await t.app.get(PushDispatcher).dispatch(new Date('2026-01-10T01:00:00Z'));
    expect(r.refused).toBe(1);
    expect(wx.sends().length).toBe(before + 1);
    const sent = wx.sends().at(-1)?.body as {
      template_id: string;
      data: Record<string, { value: string }>;
    };
    expect(sent.template_id).toBe('tmplActivity0001');
    expect(Object.keys(sent.data)).toEqual(['thing1', 'date2', 'thing3']);
    expect(sent.data.thing1?.value).toBe('焊接培训');
    const row = (await rowsOf(ap.accountId)).find((x) => x.kind === 'activity_today');
    expect(row).toMatchObject({ pushStatus: 'refused' });
    await consent(ap, 'tmplActivity0001'); // even with a new consent the refused one stays
    await t.app.get(PushDispatcher).dispatch(new Date('2026-01-11T01:00:00Z'));
    expect(wx.sends().length).toBe(before + 1);
  });

  it('a rate limit (45009) backs off: nothing is sent again until the back-off has passed', async () => {
    const rv = ten.callers.reviewer;
    await consent(rv);
    const at = new Date('2026-12-14T02:00:00Z'); // a Monday: the week's digest for the reviewer
    await t.app.get(ReminderScanner).scan(at);
    wx.sendScript.push(45009);
    const before = wx.sends().length;
    expect((await t.app.get(PushDispatcher).dispatch(at)).retryLater).toBe(1);
    expect((await t.app.get(PushDispatcher).dispatch(new Date(at.getTime() + 30_000))).sent).toBe(
      0,
    );
    expect(wx.sends().length).toBe(before + 1);
    const r = await t.app.get(PushDispatcher).dispatch(new Date(at.getTime() + 61_000));
    expect(r.sent).toBe(1);
    expect(wx.sends().length).toBe(before + 2);
    const digest = (await rowsOf(rv.accountId)).find(
      (x) => x.kind === 'digest' && x.dueOn === '2026-12-14',
    );
    expect(digest).toMatchObject({ pushStatus: 'sent', pushAttempts: 2 });
  });
});
