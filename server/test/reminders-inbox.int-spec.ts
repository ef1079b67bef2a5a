import request from 'supertest';
import { Activity } from '../src/activities/activity.entity';
import type { Caller } from '../src/auth/caller';
import { Clock } from '../src/reminders/clock';
import { ReminderScanner } from '../src/reminders/scanner';
import { makeTenant, type Tenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

interface Inbox {
  unread: number;
  items: {
    id: number;
    kind: string;
    step: string;
    title: string;
    route: string;
    studioName: string | null;
    dueOn: string;
    read: boolean;
  }[];
}

/** Issue 14 §2 and §4: the inbox of every role, quiet hours, mark-as-read, settings, the digest. */
// A loaded CI machine migrates a fresh database slowly; each step gets a minute.
jest.setTimeout(60_000);

describe('reminder inbox', () => {
  let t: TestApp;
  let own: Tenant;
  let other: Tenant;
  let clock: Clock;
  const bearer = (c: Caller): string => `Bearer ${t.token(c)}`;
  const inbox = async (c: Caller): Promise<Inbox> =>
    (await request(t.http).get('/api/reminders').set('authorization', bearer(c)).expect(200))
      .body as Inbox;
  const count = async (): Promise<number> =>
    Number(((await t.db.query('SELECT COUNT(*) AS n FROM reminders')) as { n: unknown }[])[0]?.n);

  beforeAll(async () => {
    t = await startTestApp({ WECHAT_TEMPLATE_DEADLINE: 'tmplDeadline0001' });
    own = await makeTenant(t.db, '收', 'urumqi-2023', '2025-03-01');
    other = await makeTenant(t.db, '外', 'urumqi-2023', '2025-03-01');
    for (const ten of [own, other])
      await t.db.getRepository(Activity).update(ten.activityId, { date: '2026-01-10' });
    clock = t.app.get(Clock);
  }, 120_000);
  afterAll(async () => {
    clock?.set(null);
    await t?.close();
  });

  it('a scan at 23:00 Shanghai is held back until 08:00, then shows with the screen to open', async () => {
    await t.app.get(ReminderScanner).scan(new Date('2026-12-01T15:00:00Z')); // 23:00 in Shanghai
    clock.set('2026-12-01T15:30:00Z');
    expect(await inbox(own.callers.leader)).toEqual({ unread: 0, items: [] });
    clock.set('2026-12-02T00:00:00Z'); // 08:00
    const box = await inbox(own.callers.leader);
    const plan = box.items.find(
      (i) => i.title.startsWith('年度工作计划') || i.route.includes('type=documents'),
    );
    expect(plan).toMatchObject({
      kind: 'deadline',
      step: 'd30',
      dueOn: '2026-12-31',
      studioName: '收张焊工技能大师工作室',
      route: `/pages/leader/record-edit/index?studioId=${own.studioId}&type=documents`,
    });
    const idle = box.items.find((i) => i.kind === 'inactivity');
    expect(idle).toMatchObject({ step: 'm9', dueOn: '2027-01-10' });
    expect(idle?.title).toContain('2027-01-10');
    expect(box.unread).toBe(box.items.length);
    // Nothing of the other studio, and the unit contact's inbox differs.
    expect(box.items.every((i) => i.studioName === '收张焊工技能大师工作室')).toBe(true);
    const unit = await inbox(own.callers.unit_contact);
    expect(unit.items.map((i) => i.kind).sort()).toEqual(['inactivity', 'signoff']);
    expect(unit.items.find((i) => i.kind === 'signoff')?.route).toBe(
      `/pages/unit/studio/index?studioId=${own.studioId}`,
    );
  });

  it('scanning again (a retry, the same day) adds nothing: the unique key', async () => {
    const before = await count();
    await t.app.get(ReminderScanner).scan(new Date('2026-12-02T03:00:00Z'));
    await t.app.get(ReminderScanner).scan(new Date('2026-12-02T03:00:00Z'));
    expect(await count()).toBe(before);
  });

  it('mark one and all as read; another person cannot touch it', async () => {
    const box = await inbox(own.callers.leader);
    const first = box.items[0]!;
    await request(t.http)
      .post(`/api/reminders/${first.id}/read`)
      .set('authorization', bearer(other.callers.leader))
      .expect(404);
    const after = await request(t.http)
      .post(`/api/reminders/${first.id}/read`)
      .set('authorization', bearer(own.callers.leader))
      .expect(200);
    expect(after.body).toEqual({ unread: box.unread - 1 });
    const badge = await request(t.http)
      .get('/api/reminders/unread')
      .set('authorization', bearer(own.callers.leader))
      .expect(200);
    expect(badge.body).toEqual({ unread: box.unread - 1 });
    await request(t.http)
      .post('/api/reminders/read-all')
      .set('authorization', bearer(own.callers.leader))
      .expect(200, { unread: 0 });
    expect((await inbox(own.callers.leader)).items.every((i) => i.read)).toBe(true);
  });

  it('a muted kind is not created; settings list every kind and the configured templates', async () => {
    const saved = await request(t.http)
      .put('/api/reminders/settings')
      .set('authorization', bearer(own.callers.leader))
      .send({ muted: ['deadline'] })
      .expect(200);
    expect(saved.body.templateIds).toEqual(['tmplDeadline0001']);
    expect(saved.body.kinds).toContainEqual({
      kind: 'deadline',
      label: '报送截止提醒',
      enabled: false,
    });
    expect(saved.body.kinds).toContainEqual({
      kind: 'inactivity',
      label: '长期无活动提醒',
      enabled: true,
    });
    await request(t.http)
      .put('/api/reminders/settings')
      .set('authorization', bearer(own.callers.leader))
      .send({ muted: ['nonsense'] })
      .expect(400);
    await t.app.get(ReminderScanner).scan(new Date('2026-12-24T01:00:00Z')); // d7 of the plan
    clock.set('2026-12-24T02:00:00Z');
    const box = await inbox(own.callers.leader);
    expect(box.items.filter((i) => i.kind === 'deadline' && i.step === 'd7')).toEqual([]);
    const otherBox = await inbox(other.callers.leader);
    expect(otherBox.items.filter((i) => i.kind === 'deadline' && i.step === 'd7')).toHaveLength(2);
  });

  it('consent is recorded only for a configured template', async () => {
    await request(t.http)
      .post('/api/reminders/subscriptions')
      .set('authorization', bearer(own.callers.leader))
      .send({ templateId: 'someOtherTemplate', accepted: true })
      .expect(400);
    const ok = await request(t.http)
      .post('/api/reminders/subscriptions')
      .set('authorization', bearer(own.callers.leader))
      .send({ templateId: 'tmplDeadline0001', accepted: true })
      .expect(200);
    expect(ok.body).toEqual({ credits: 1 });
  });

  it("the reviewer's digest lists the jurisdiction's studios at risk and the month's deadlines", async () => {
    clock.set('2026-12-02T02:00:00Z');
    const d = await request(t.http)
      .get(`/api/reminders/digest/${own.jurisdictionId}`)
      .set('authorization', bearer(own.callers.reviewer))
      .expect(200);
    expect(d.body.asOf).toBe('2026-12-02');
    expect(d.body.atRisk.map((s: { name: string }) => s.name)).toEqual(['收张焊工技能大师工作室']);
    expect(d.body.deadlines.map((x: { dueOn: string }) => x.dueOn)).toEqual([
      '2026-12-31',
      '2026-12-31',
    ]);
    await request(t.http)
      .get(`/api/reminders/digest/${own.jurisdictionId}`)
      .set('authorization', bearer(other.callers.reviewer))
      .expect((r) => expect([403, 404]).toContain(r.status));
    const weekly = (await inbox(own.callers.reviewer)).items.filter((i) => i.kind === 'digest');
    expect(weekly.length).toBeGreaterThan(0);
    expect(weekly[0]?.route).toBe(
      `/pages/reviewer/home/index?jurisdictionId=${own.jurisdictionId}`,
    );
  });
});
