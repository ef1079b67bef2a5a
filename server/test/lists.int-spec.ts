import request from 'supertest';
import { makeTenant, type Tenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

/** Issue 11 items 2 and 8: lists page, search and filter; dashboards carry each studio's deadlines. */
describe('lists: paging, keyword, status and policy filters, dashboard deadlines', () => {
  let t: TestApp;
  let x: Tenant;
  const as = (c: Tenant['callers'][keyof Tenant['callers']]) => `Bearer ${t.token(c)}`;
  type Dash = {
    items: {
      studio: { id: number; name: string; status: string; policyId: string };
      deadlines: { id: string; dueOn: string; overdue: boolean; label: string }[];
      overdueDeadlines: number;
    }[];
    total: number;
    page: number;
    pageSize: number;
    policies: string[];
  };

  beforeAll(async () => {
    t = await startTestApp();
    x = await makeTenant(t.db, '列');
    // Four more studios of the same unit; one under rectification.
    for (let i = 0; i < 4; i++) {
      const y = await makeTenant(t.db, `列${i}`);
      await t.db.query(
        'UPDATE studios SET jurisdiction_id = ?, unit_id = ?, status = ? WHERE id = ?',
        [x.jurisdictionId, x.unitId, i === 0 ? 'rectification' : 'active', y.studioId],
      );
    }
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const dash = async (
    query: string,
    who: 'reviewer' | 'unit_contact' = 'reviewer',
    asOf = '2027-04-01',
  ) =>
    (
      await request(t.http)
        .get(
          who === 'reviewer'
            ? `/api/dashboards/jurisdiction/${x.jurisdictionId}?${query}&asOf=${asOf}`
            : `/api/dashboards/unit/${x.unitId}?${query}&asOf=${asOf}`,
        )
        .set('authorization', as(x.callers[who]))
        .expect((r) => {
          if (r.status !== 200) throw new Error(`${query}: ${r.status} ${JSON.stringify(r.body)}`);
        })
    ).body as Dash;

  it('pages a dashboard with a total, and answers everything without page', async () => {
    const all = await dash('');
    expect(all.items).toHaveLength(5);
    expect(all.total).toBe(5);
    const p1 = await dash('page=1&pageSize=2');
    const p3 = await dash('page=3&pageSize=2');
    expect(p1).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(p1.items.map((i) => i.studio.id)).toEqual(all.items.slice(0, 2).map((i) => i.studio.id));
    expect(p3.items.map((i) => i.studio.id)).toEqual(all.items.slice(4).map((i) => i.studio.id));
    expect(all.policies).toEqual(['urumqi-2023']);
  });

  it('filters a dashboard by keyword, status and policy', async () => {
    const kw = await dash(`q=${encodeURIComponent('列2')}`, 'unit_contact');
    expect(kw.total).toBe(1);
    expect(kw.items[0]?.studio.name).toContain('列2');
    const rect = await dash('status=rectification');
    expect(rect.items.map((i) => i.studio.status)).toEqual(['rectification']);
    expect((await dash('policyId=urumqi-2023')).total).toBe(5);
    expect((await dash('policyId=gongshu-2020')).total).toBe(0);
    await request(t.http)
      .get(`/api/dashboards/jurisdiction/${x.jurisdictionId}?policyId=nowhere`)
      .set('authorization', as(x.callers.reviewer))
      .expect(400);
  });

  it("lists each studio's open deadlines by date, overdue ones marked", async () => {
    const all = await dash('', 'reviewer', '2028-12-15');
    for (const it of all.items) {
      const dates = it.deadlines.map((d) => d.dueOn);
      expect(dates).toEqual([...dates].sort());
      for (const d of it.deadlines) expect(d.overdue).toBe(d.dueOn < '2028-12-15');
      expect(it.deadlines.filter((d) => d.overdue)).toHaveLength(it.overdueDeadlines);
      expect(it.deadlines.every((d) => d.label.length > 0)).toBe(true);
    }
    // Recognized 2025-03-01: the cycle's 期满考核 (due 2028-11-30) is overdue on 2028-12-15.
    for (const it of all.items)
      expect(it.deadlines.find((d) => d.id === 'cycle_assessment')).toMatchObject({
        dueOn: '2028-11-30',
        overdue: true,
      });
  });

  it('searches record lists by keyword with the total of the matches', async () => {
    const base = `/api/studios/${x.studioId}`;
    const leader = as(x.callers.leader);
    for (const title of ['焊接安全培训', '数控编程交流', '焊接安全讲座'])
      await request(t.http)
        .post(`${base}/activities`)
        .set('authorization', leader)
        .send({ kind: 'training', title, date: '2025-09-01' })
        .expect(201);
    const res = await request(t.http)
      .get(`${base}/activities?q=${encodeURIComponent('焊接安全')}&pageSize=1`)
      .set('authorization', leader)
      .expect(200);
    const body = res.body as { items: { title: string }[]; total: number };
    expect(body.total).toBe(2);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]?.title).toContain('焊接');
    const members = await request(t.http)
      .get(`${base}/members?q=${encodeURIComponent('列李')}`)
      .set('authorization', leader)
      .expect(200);
    expect((members.body as { total: number }).total).toBe(1);
    const none = await request(t.http)
      .get(`${base}/members?q=${encodeURIComponent('无此人')}`)
      .set('authorization', leader)
      .expect(200);
    expect((none.body as { total: number }).total).toBe(0);
  });
});
