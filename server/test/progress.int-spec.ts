import request from 'supertest';
import { DataSource } from 'typeorm';
import { Certificate } from '../src/certificates/certificate.entity';
import { makeApprentice, makeTenant, type Tenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

/** Counts every SQL statement the app sends while `fn` runs. */
async function countQueries(db: DataSource, fn: () => Promise<unknown>): Promise<number> {
  const runner = db.createQueryRunner();
  const proto = Object.getPrototypeOf(runner) as {
    query: (...args: unknown[]) => Promise<unknown>;
  };
  await runner.release();
  const spy = jest.spyOn(proto, 'query');
  try {
    await fn();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe('facts, progress, assessment and dashboards', () => {
  let t: TestApp;
  let x: Tenant;
  const as = (c: Tenant['callers'][keyof Tenant['callers']]) => `Bearer ${t.token(c)}`;

  beforeAll(async () => {
    t = await startTestApp();
    x = await makeTenant(t.db, '癸');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('builds the shared-rules facts from the database', async () => {
    const res = await request(t.http)
      .get(`/api/studios/${x.studioId}/facts?asOf=2025-12-31`)
      .set('authorization', as(x.callers.leader))
      .expect(200);
    expect(res.body).toEqual({
      policyId: 'urumqi-2023',
      studio: { name: '癸张焊工技能大师工作室', trade: '焊工', recognizedOn: '2025-03-01' },
      leader: {
        name: '癸张',
        birthDate: '1975-06-01',
        retirementCategory: 'male',
        skillLevel: 'senior_technician',
        fullTime: true,
      },
      members: [{ name: '癸李', skillLevel: 'technician', fullTime: true, yearsInTrade: 8 }],
      apprentices: [
        {
          id: String(x.apprenticeId),
          name: '癸王',
          joinedOn: '2025-03-10',
          agreementSignedOn: '2025-03-10',
          leftOn: null,
        },
      ],
      certificates: [
        {
          id: String(x.certificateId),
          apprenticeId: String(x.apprenticeId),
          level: 'senior',
          awardedOn: '2025-09-01',
        },
      ],
      activities: [
        { id: String(x.activityId), kind: 'training', date: '2025-05-01', attendance: 3 },
      ],
      achievements: [
        { id: String(x.achievementId), kind: 'patent', level: 'national', date: '2025-06-01' },
      ],
      funds: [{ id: String(x.fundId), source: 'unit_matching', amount: 60000, date: '2025-04-01' }],
      documents: [
        { id: String(x.documentId), kind: 'annual_plan', year: 2026, submittedOn: '2025-12-20' },
      ],
    });
    await request(t.http)
      .get(`/api/studios/${x.studioId}/facts?asOf=2025-02-30`)
      .set('authorization', as(x.callers.leader))
      .expect(400);
  });

  it('answers progress with shared-rules evaluate: one high-skill talent of the cycle counted', async () => {
    const res = await request(t.http)
      .get(`/api/studios/${x.studioId}/progress?asOf=2025-12-31`)
      .set('authorization', as(x.callers.reviewer))
      .expect(200);
    const body = res.body as {
      policyId: string;
      asOf: string;
      targets: { id: string; actual: number; period?: { from: string; to: string } }[];
      deadlines: { id: string }[];
    };
    expect(body.policyId).toBe('urumqi-2023');
    expect(body.asOf).toBe('2025-12-31');
    const talents = body.targets.find((tg) => tg.id === 'high_skill_talents');
    expect(talents).toMatchObject({ actual: 1, period: { from: '2025-03-01', to: '2027-02-28' } });
    expect(body.deadlines.map((d) => d.id)).toContain('cycle_assessment');
    // A second certificate for the same apprentice in the same cycle still counts once.
    await t.db.getRepository(Certificate).save({
      studioId: x.studioId,
      apprenticeId: x.apprenticeId,
      level: 'technician',
      awardedOn: '2025-11-01',
      number: null,
    });
    const again = await request(t.http)
      .get(`/api/studios/${x.studioId}/progress?asOf=2025-12-31`)
      .set('authorization', as(x.callers.leader))
      .expect(200);
    expect(
      (again.body as typeof body).targets.find((tg) => tg.id === 'high_skill_talents')?.actual,
    ).toBe(1);
  });

  it("progress explanations: counts by default, one target's record lists with explain=<id>, all with explain=all", async () => {
    type T = {
      id: string;
      actual: number;
      countedCount?: number;
      excludedCount?: number;
      excludedByReason?: Record<string, number>;
      counted?: string[];
      countedRecords?: { record: string }[];
      excluded?: { reason: string }[];
    };
    const get = (q: string) =>
      request(t.http)
        .get(`/api/studios/${x.studioId}/progress?asOf=2025-12-31${q}`)
        .set('authorization', as(x.callers.leader));
    const summary = ((await get('').expect(200)).body as { targets: T[] }).targets;
    const all = ((await get('&explain=all').expect(200)).body as { targets: T[] }).targets;
    expect(summary.map((tg) => tg.id)).toEqual(all.map((tg) => tg.id));
    for (const [i, tg] of summary.entries()) {
      const full = all[i] as T;
      expect(tg).not.toHaveProperty('countedRecords');
      expect(tg).not.toHaveProperty('counted');
      expect(tg).not.toHaveProperty('excluded');
      expect(tg.countedCount).toBe(full.countedRecords?.length);
      expect(tg.excludedCount).toBe(full.excluded?.length);
      const scalars = Object.fromEntries(
        Object.entries(full).filter(
          ([k]) => !['counted', 'countedRecords', 'excluded'].includes(k),
        ),
      );
      expect(tg).toMatchObject(scalars);
    }
    const talents = summary.find((tg) => tg.id === 'high_skill_talents');
    expect(talents).toMatchObject({ actual: 1, countedCount: 1 });
    const one = ((await get('&explain=high_skill_talents').expect(200)).body as { targets: T[] })
      .targets;
    expect(one.filter((tg) => tg.countedRecords).map((tg) => tg.id)).toEqual([
      'high_skill_talents',
    ]);
    expect(one.find((tg) => tg.id === 'high_skill_talents')).toEqual(
      all.find((tg) => tg.id === 'high_skill_talents'),
    );
    expect(one.find((tg) => tg.id === 'high_skill_talents')?.counted).toHaveLength(1);

    const unknown = await get('&explain=no_such_target').expect(400);
    expect(JSON.stringify(unknown.body)).toContain('没有目标');
    await get('&explain=DROP%20TABLE').expect(400);
  });

  it('answers the assessment sheet with shared-rules score, judged items included', async () => {
    await request(t.http)
      .put(`/api/studios/${x.studioId}/judgments/U10`)
      .set('authorization', as(x.callers.reviewer))
      .send({ score: 3 })
      .expect(200);
    const res = await request(t.http)
      .get(`/api/studios/${x.studioId}/assessment?asOf=2025-12-31`)
      .set('authorization', as(x.callers.unit_contact))
      .expect(200);
    const sheet = res.body as {
      policyId: string;
      maxTotal: number;
      items: { id: string; score: number; basis: string }[];
    };
    expect(sheet.policyId).toBe('urumqi-2023');
    expect(sheet.maxTotal).toBe(110);
    expect(sheet.items.find((i) => i.id === 'U10')).toMatchObject({ score: 3, basis: 'judged' });
  });

  it('dashboards: answered by the same number of queries for 1 or 6 studios, most at risk first', async () => {
    const reviewer = as(x.callers.reviewer);
    const path = `/api/dashboards/jurisdiction/${x.jurisdictionId}?asOf=2025-12-31`;
    const one = await countQueries(t.db, () =>
      request(t.http).get(path).set('authorization', reviewer).expect(200),
    );
    // Five more studios in the same jurisdiction, one of them with five talents already.
    for (let i = 0; i < 5; i++) {
      const y = await makeTenant(t.db, `附${i}`);
      await t.db.query('UPDATE studios SET jurisdiction_id = ?, unit_id = ? WHERE id = ?', [
        x.jurisdictionId,
        x.unitId,
        y.studioId,
      ]);
      if (i === 0) {
        for (let k = 0; k < 5; k++) {
          const { apprentice } = await makeApprentice(t.db.manager, y.studioId, `优${k}`);
          await t.db.getRepository(Certificate).save({
            studioId: y.studioId,
            apprenticeId: apprentice.id,
            level: 'senior',
            awardedOn: '2025-10-01',
            number: null,
          });
        }
      }
    }
    let body: {
      items: {
        studio: { id: number; name: string };
        risk: number;
        targets: { id: string; status: string }[];
      }[];
    } = { items: [] };
    const six = await countQueries(t.db, async () => {
      body = (await request(t.http).get(path).set('authorization', reviewer).expect(200))
        .body as typeof body;
    });
    expect(six).toBe(one);
    expect(body.items).toHaveLength(6);
    const risks = body.items.map((i) => i.risk);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    const best = body.items.find((i) => i.studio.name.startsWith('附0'));
    expect(best?.targets.find((tg) => tg.id === 'high_skill_talents')?.status).toBe('met');
    expect(body.items.at(-1)?.studio.name.startsWith('附0')).toBe(true);

    const unit = await request(t.http)
      .get(`/api/dashboards/unit/${x.unitId}?asOf=2025-12-31`)
      .set('authorization', as(x.callers.unit_contact))
      .expect(200);
    expect((unit.body as typeof body).items).toHaveLength(6);
    await request(t.http)
      .get(`/api/dashboards/unit/${x.unitId}?asOf=soon`)
      .set('authorization', as(x.callers.unit_contact))
      .expect(400);
  });

  it('finalizes the current period as the policy defines it (the urumqi cycle)', async () => {
    const res = await request(t.http)
      .post(`/api/studios/${x.studioId}/periods/current/finalize?asOf=2025-12-31`)
      .set('authorization', as(x.callers.reviewer))
      .expect(200);
    expect(res.body).toMatchObject({
      from: '2025-03-01',
      to: '2027-02-28',
      sheet: { policyId: 'urumqi-2023' },
    });
    await request(t.http)
      .patch(`/api/studios/${x.studioId}/certificates/${x.certificateId}`)
      .set('authorization', as(x.callers.leader))
      .send({ number: 'X' })
      .expect(409);
    await request(t.http)
      .put(`/api/studios/${x.studioId}/judgments/U11`)
      .set('authorization', as(x.callers.reviewer))
      .send({ score: 1 })
      .expect(409); // today lies inside the finalized cycle
  });

  it('shows an apprentice their own progress and certificates', async () => {
    const prog = await request(t.http)
      .get('/api/me/progress?asOf=2025-12-31')
      .set('authorization', as(x.callers.apprentice))
      .expect(200);
    expect(prog.body).toMatchObject({
      asOf: '2025-12-31',
      items: [{ studioId: x.studioId, certificates: 2, highestLevel: 'technician' }],
    });
    const certs = await request(t.http)
      .get('/api/me/certificates')
      .set('authorization', as(x.callers.apprentice))
      .expect(200);
    expect((certs.body as { items: unknown[] }).items).toHaveLength(2);
    const none = await request(t.http)
      .get('/api/me/certificates')
      .set('authorization', as(x.callers.reviewer))
      .expect(200);
    expect(none.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });
});
