import { createApp } from '../src/bootstrap';
import { Account } from '../src/accounts/account.entity';
import { Activity } from '../src/activities/activity.entity';
import { loadConfig } from '../src/config/config';
import { Reminder, WechatSubscription } from '../src/reminders/reminder.entities';
import { ReminderScanner } from '../src/reminders/scanner';
import { RemindersScheduler } from '../src/reminders/scheduler';
import { Clock } from '../src/reminders/clock';
import { PushDispatcher } from '../src/reminders/wechat/push.dispatcher';
import { makeTenant, type Tenant } from './factories/world';
import { FakeWechat, wechatEnv } from './reminders/fake-wechat';
import { isMysql, startTestApp, TEST_SECRET, type TestApp } from './support/test-app';
import type { INestApplication } from '@nestjs/common';

jest.setTimeout(120_000);

/**
 * Issue 14 §4/§5: two server instances (two connection pools, as two processes would have) on the
 * same MariaDB database run the scan and the push at the same moment: each reminder is created
 * and sent once. Needs a shared database server, so MySQL/MariaDB only.
 */
(isMysql() ? describe : describe.skip)('reminders with two server processes', () => {
  const wx = new FakeWechat();
  let a: TestApp;
  let b: INestApplication;
  let ten: Tenant;
  const at = new Date('2026-12-01T02:00:00Z');

  beforeAll(async () => {
    await wx.start();
    a = await startTestApp(wechatEnv(wx.base));
    if (a.config.database.type !== 'mysql') throw new Error('MariaDB expected');
    b = await createApp(
      loadConfig({
        DATABASE_URL: a.config.database.url,
        JWT_SECRET: TEST_SECRET,
        LOG_LEVEL: 'silent',
        ...wechatEnv(wx.base),
      }),
    );
    ten = await makeTenant(a.db, '双', 'urumqi-2023', '2025-03-01');
    await a.db.getRepository(Activity).update(ten.activityId, { date: '2026-01-10' });
    for (const [role, c] of Object.entries(ten.callers)) {
      await a.db.getRepository(Account).update(c.accountId, { wechatOpenid: `openid-${role}` });
      for (const templateId of ['tmplDeadline0001', 'tmplActivity0001'])
        await a.db.getRepository(WechatSubscription).insert({
          accountId: c.accountId,
          templateId,
          credits: 100,
          updatedAt: 0,
        });
    }
  }, 180_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await wx.stop();
  });

  it('both scan at once (no lease): every reminder exists once', async () => {
    await Promise.all([
      a.app.get(ReminderScanner).scan(at),
      b.get(ReminderScanner).scan(at),
      a.app.get(ReminderScanner).scan(at),
      b.get(ReminderScanner).scan(at),
    ]);
    const rows = await a.db.getRepository(Reminder).find();
    const keys = rows.map((r) => [r.accountId, r.kind, r.subject, r.dueOn, r.step].join('|'));
    expect(rows.length).toBeGreaterThan(5);
    expect(new Set(keys).size).toBe(rows.length);
  });

  it('both push at once: the fake WeChat receives each reminder once', async () => {
    const pending = await a.db.getRepository(Reminder).countBy({ pushStatus: 'pending' });
    expect(pending).toBeGreaterThan(5);
    const [ra, rb] = await Promise.all([
      a.app.get(PushDispatcher).dispatch(at),
      b.get(PushDispatcher).dispatch(at),
    ]);
    expect(ra.sent + rb.sent).toBe(pending);
    const sends = wx.sends().map((s) => JSON.stringify(s.body));
    expect(sends).toHaveLength(pending);
    expect(new Set(sends).size).toBe(pending);
    // One token for both processes: the second waited for the first's refresh and read it from the database.
    expect(wx.tokenRequests()).toHaveLength(1);
    expect(await a.db.getRepository(Reminder).countBy({ pushStatus: 'sent' })).toBe(pending);
  });

  it('the scheduler: only the process holding the lease runs a round', async () => {
    const day = new Date('2026-12-24T02:00:00Z');
    a.app.get(Clock).set(day);
    b.get(Clock).set(day);
    const before = wx.sends().length;
    const ran = await Promise.all([
      a.app.get(RemindersScheduler).tick(),
      b.get(RemindersScheduler).tick(),
    ]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    const sent = wx
      .sends()
      .slice(before)
      .map((s) => JSON.stringify(s.body));
    expect(sent.length).toBeGreaterThan(0); // the d7 reminders of the year-end papers
    expect(new Set(sent).size).toBe(sent.length);
    // Released at the end of the round: the other process may run the next one (nothing new).
    expect(await b.get(RemindersScheduler).tick()).toBe(true);
    expect(wx.sends().length).toBe(before + sent.length);
  });
});
