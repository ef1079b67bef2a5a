import request from 'supertest';
import { Account } from '../src/accounts/account.entity';
import type { Caller } from '../src/auth/caller';
import { StudioDocument } from '../src/documents/document.entity';
import { Clock } from '../src/reminders/clock';
import { Reminder } from '../src/reminders/reminder.entities';
import { ReminderScanner } from '../src/reminders/scanner';
import { PushDispatcher } from '../src/reminders/wechat/push.dispatcher';
import { makeTenant, type Tenant } from './factories/world';
import { FakeWechat, wechatEnv } from './reminders/fake-wechat';
import { startTestApp, type TestApp } from './support/test-app';

interface InboxItem {
  kind: string;
  step: string;
  title: string;
  body: string;
  dueOn: string;
  route: string;
}

/**
 * Issue 14: a year-end paper not filed by 31 December is reminded once as overdue on 1 January
 * (yuzhong-2023 第十四条 next year's plan, shunyi-2023 第十三条 the year's report), held back by
 * quiet hours like every reminder. The clock is fixed: nothing depends on the time of day.
 */
// A loaded CI machine migrates a fresh database slowly; each step gets a minute.
jest.setTimeout(60_000);

describe('overdue year-end papers', () => {
  const wx = new FakeWechat();
  let t: TestApp;
  let clock: Clock;
  let yz: Tenant; // the plan for 2027 never filed
  let sy: Tenant; // the 2026 report never filed
  let filed: Tenant; // yuzhong, the plan for 2027 filed on 2026-12-30
  const scan = (iso: string) => t.app.get(ReminderScanner).scan(new Date(iso));
  const inbox = async (c: Caller): Promise<InboxItem[]> =>
    (
      (
        await request(t.http)
          .get('/api/reminders')
          .set('authorization', `Bearer ${t.token(c)}`)
          .expect(200)
      ).body as { items: InboxItem[] }
    ).items;
  const consent = (c: Caller) =>
    request(t.http)
      .post('/api/reminders/subscriptions')
      .set('authorization', `Bearer ${t.token(c)}`)
      .send({ templateId: 'tmplDeadline0001', accepted: true })
      .expect(200);
  const deadlineRows = (c: Caller) =>
    t.db
      .getRepository(Reminder)
      .find({ where: { accountId: c.accountId, kind: 'deadline' }, order: { id: 'ASC' } });

  beforeAll(async () => {
    await wx.start();
    t = await startTestApp(wechatEnv(wx.base));
    clock = t.app.get(Clock);
    yz = await makeTenant(t.db, '逾', 'yuzhong-2023', '2025-03-01');
    filed = await makeTenant(t.db, '齐', 'yuzhong-2023', '2025-03-01');
    await t.db.getRepository(StudioDocument).insert({
      studioId: filed.studioId,
      kind: 'annual_plan',
      year: 2027,
      submittedOn: '2026-12-30',
      title: null,
    });
    sy = await makeTenant(t.db, '顺', 'shunyi-2023', '2025-03-01');
    // shunyi files reports, not plans: its 2025 report was in on time, 2026's never.
    await t.db
      .getRepository(StudioDocument)
      .update(sy.documentId, { kind: 'annual_summary', year: 2025, submittedOn: '2025-12-20' });
    await t.db
      .getRepository(Account)
      .update(yz.callers.leader.accountId, { wechatOpenid: 'openid-yz-leader' });
    await consent(yz.callers.leader);
  }, 120_000);
  afterAll(async () => {
    clock?.set(null);
    await t?.close();
    await wx.stop();
  });

  it('31 December: due tomorrow, nothing overdue', async () => {
    await scan('2026-12-31T01:00:00Z'); // 09:00 Shanghai
    for (const ten of [yz, sy, filed]) {
      const rows = await deadlineRows(ten.callers.leader);
      expect(rows.filter((r) => r.step === 'overdue')).toEqual([]);
    }
    expect((await deadlineRows(yz.callers.leader)).map((r) => [r.step, r.dueOn])).toEqual([
      ['d1', '2026-12-31'],
    ]);
    // The leader's one consent goes to that reminder; they consent again for the next one.
    expect((await t.app.get(PushDispatcher).dispatch(new Date('2026-12-31T01:00:00Z'))).sent).toBe(
      1,
    );
    await consent(yz.callers.leader);
  });

  it('00:30 on 1 January: the overdue reminder is created but held back until 08:00', async () => {
    await scan('2026-12-31T16:30:00Z'); // 2027-01-01 00:30 Shanghai, quiet hours
    const rows = (await deadlineRows(yz.callers.leader)).filter((r) => r.step === 'overdue');
    expect(rows.map((r) => [r.subject, r.dueOn])).toEqual([
      [`studio:${yz.studioId}:annual_plan`, '2026-12-31'],
    ]);
    expect(new Date(rows[0]!.deliverAt).toISOString()).toBe('2027-01-01T00:00:00.000Z');

    clock.set('2026-12-31T17:00:00Z'); // 01:00 Shanghai
    expect((await inbox(yz.callers.leader)).filter((i) => i.step === 'overdue')).toEqual([]);
    expect((await t.app.get(PushDispatcher).dispatch(new Date('2026-12-31T17:00:00Z'))).sent).toBe(
      0,
    );
    expect(wx.sends()).toHaveLength(1);

    clock.set('2027-01-01T00:00:00Z'); // 08:00 Shanghai
    const shown = (await inbox(yz.callers.leader)).filter((i) => i.step === 'overdue');
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      kind: 'deadline',
      dueOn: '2026-12-31',
      title: '报送次年工作计划已逾期（2026-12-31 截止），尚未报送，请尽快补报',
      route: `/pages/leader/record-edit/index?studioId=${yz.studioId}&type=documents`,
    });
    expect(shown[0]?.body).toContain('2027 年工作计划须在 2026-12-31 前报送，已逾期 1 天');
    expect(shown[0]?.body).toContain('渝中区办法 第十四条');
    expect(shown[0]?.body).not.toMatch(/yuzhong-2023/);

    // The push waits for 08:00 too, and leads with 已逾期 within WeChat's 20 characters.
    await t.app.get(PushDispatcher).dispatch(new Date('2027-01-01T00:00:00Z'));
    const sent = wx.sends().map((s) => (s.body as { data: { thing2: { value: string } } }).data);
    expect(sent.map((d) => d.thing2.value)).toEqual([
      '报送次年工作计划：明天到期（2026-…',
      '报送次年工作计划已逾期（2026-12…',
    ]);
  });

  it("shunyi's unfiled 2026 report is overdue too; a studio that filed its plan gets nothing", async () => {
    expect(
      (await deadlineRows(sy.callers.leader))
        .filter((r) => r.step === 'overdue')
        .map((r) => [r.subject, r.dueOn, r.title]),
    ).toEqual([
      [
        `studio:${sy.studioId}:annual_summary`,
        '2026-12-31',
        '报送年度工作总结已逾期（2026-12-31 截止），尚未报送，请尽快补报',
      ],
    ]);
    expect((await deadlineRows(filed.callers.leader)).filter((r) => r.step === 'overdue')).toEqual(
      [],
    );
  });

  it('later sweeps never send it again, and a late plan ends it without a new reminder', async () => {
    for (const at of [
      '2027-01-01T01:00:00Z',
      '2027-01-01T09:00:00Z',
      '2027-01-02T01:00:00Z',
      '2027-03-15T01:00:00Z',
    ])
      await scan(at);
    for (const ten of [yz, sy])
      expect(
        (await deadlineRows(ten.callers.leader)).filter((r) => r.step === 'overdue'),
      ).toHaveLength(1);
    await t.db.getRepository(StudioDocument).insert({
      studioId: yz.studioId,
      kind: 'annual_plan',
      year: 2027,
      submittedOn: '2027-03-20',
      title: null,
    });
    await scan('2027-03-21T01:00:00Z');
    const overdue = (await deadlineRows(yz.callers.leader)).filter((r) => r.step === 'overdue');
    expect(overdue).toHaveLength(1);
    // Nothing else about deadlines in between: the year's new plan is not due until December.
    expect(
      (await t.db.getRepository(Reminder).find({ where: { kind: 'deadline' } })).filter(
        (r) => r.createdAt > new Date('2027-01-01T00:30:00Z').getTime(),
      ),
    ).toEqual([]);
  });
});
