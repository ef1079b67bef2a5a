import request from 'supertest';
import { Jurisdiction } from '../src/org/jurisdiction.entity';
import { todayInShanghai } from '../src/common/dates';
import { DashboardsService } from '../src/dashboards/dashboards.service';
import { ProgressSnapshots } from '../src/dashboards/progress-snapshots';
import { RulesService } from '../src/rules/rules.service';
import { activityToday, makeAccount, makeTenant, type Tenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

type Item = { studio: { id: number }; computedAt: string; risk: number; targets: unknown[] };
type View = { asOf: string; computedAt: string; items: Item[] };
type SnapshotRow = {
  studio_id: number;
  rules_version: string;
  as_of: string;
  computed_ms: number | string;
  summary: string;
};

/**
 * Issue 16: today's dashboards are read from per-studio progress snapshots, rebuilt when a write
 * queues the studio (in its transaction), when the rules version or the day changes, or when
 * missing. The background timer is off (PROGRESS_SNAPSHOT_EVERY_MS=0): each test drives it.
 */
describe('progress snapshots', () => {
  let t: TestApp;
  let x: Tenant;
  let rules: RulesService;
  let snapshots: ProgressSnapshots;
  const today = todayInShanghai();
  const as = (c: Tenant['callers'][keyof Tenant['callers']]) => `Bearer ${t.token(c)}`;
  const dashboard = async (jid: number, caller: Tenant['callers']['reviewer']): Promise<View> =>
    (
      await request(t.http)
        .get(`/api/dashboards/jurisdiction/${jid}`)
        .set('authorization', as(caller))
        .expect(200)
    ).body as View;
  const rowsOf = async (studioIds: number[]): Promise<SnapshotRow[]> =>
    (await t.db.query(
      `SELECT * FROM progress_snapshots WHERE studio_id IN (${studioIds.map(() => '?').join(',')}) ORDER BY studio_id`,
      studioIds,
    )) as SnapshotRow[];
  const queued = async (studioId: number): Promise<number> =>
    Number(
      (
        (await t.db.query('SELECT COUNT(*) AS n FROM progress_queue WHERE studio_id = ?', [
          studioId,
        ])) as { n: number }[]
      )[0]?.n,
    );
  const strip = (items: Item[]) => items.map(({ computedAt: _, ...rest }) => rest);

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'true', PROGRESS_SNAPSHOT_EVERY_MS: '0' });
    rules = t.app.get(RulesService);
    snapshots = t.app.get(ProgressSnapshots);
    x = await makeTenant(t.db, '快');
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  it('answers the demo data exactly as the live computation, from one snapshot per studio', async () => {
    const live = t.app.get(DashboardsService);
    const jurisdictions = await t.db.getRepository(Jurisdiction).find();
    expect(jurisdictions.length).toBeGreaterThan(1);
    let studios = 0;
    for (const j of jurisdictions) {
      const reviewer = await makeAccount(t.db.manager, `评审${j.id}`, null, [
        { role: 'reviewer', jurisdictionId: j.id },
      ]);
      const first = await dashboard(j.id, reviewer);
      const expected = (await live.live({ jurisdictionId: j.id }, today))
        .sort((a, b) => b.risk - a.risk || a.studio.id - b.studio.id)
        .map(({ studio, summary, computedAt }) => ({ studio, ...summary, computedAt }));
      expect(strip(first.items)).toEqual(strip(expected as Item[]));
      expect(first.asOf).toBe(today);
      const ids = first.items.map((i) => i.studio.id);
      const rows = await rowsOf(ids);
      expect(rows.map((r) => [r.studio_id, r.rules_version, r.as_of])).toEqual(
        ids.sort((a, b) => a - b).map((id) => [id, rules.version, today]),
      );
      // Read again: served from the snapshots, not recomputed (same computed-at).
      const again = await dashboard(j.id, reviewer);
      expect(again.items).toEqual(first.items);
      expect(again.computedAt).toBe(first.computedAt);
      // A page reads only its rows' summaries, in the same risk order.
      const page2 = (
        await request(t.http)
          .get(`/api/dashboards/jurisdiction/${j.id}?page=2&pageSize=1`)
          .set('authorization', as(reviewer))
          .expect(200)
      ).body as View & { total: number };
      expect(page2.total).toBe(first.items.length);
      expect(page2.items).toEqual(first.items.slice(1, 2));
      studios += ids.length;
    }
    expect(studios).toBeGreaterThan(1);
  });

  it('serves a fresh snapshot as stored, and rebuilds one of another day or missing', async () => {
    await dashboard(x.jurisdictionId, x.callers.reviewer);
    const bogus = JSON.stringify({
      targets: [],
      requiredFindings: 0,
      overdueDeadlines: 0,
      deadlines: [],
      risk: -7,
    });
    await t.db.query('UPDATE progress_snapshots SET summary = ? WHERE studio_id = ?', [
      bogus,
      x.studioId,
    ]);
    // Same rules, same day: the stored row is the answer (the dashboard reads snapshots).
    expect((await dashboard(x.jurisdictionId, x.callers.reviewer)).items[0]?.risk).toBe(-7);
    // Yesterday's snapshot is stale: rebuilt from the facts.
    await t.db.query('UPDATE progress_snapshots SET as_of = ? WHERE studio_id = ?', [
      '2000-01-01',
      x.studioId,
    ]);
    const rebuilt = await dashboard(x.jurisdictionId, x.callers.reviewer);
    expect(rebuilt.items[0]?.risk).not.toBe(-7);
    expect((await rowsOf([x.studioId]))[0]?.as_of).toBe(today);
    // A missing one is built.
    await t.db.query('DELETE FROM progress_snapshots WHERE studio_id = ?', [x.studioId]);
    expect(strip((await dashboard(x.jurisdictionId, x.callers.reviewer)).items)).toEqual(
      strip(rebuilt.items),
    );
    expect(await rowsOf([x.studioId])).toHaveLength(1);
  });

  it('a write queues its studio in its transaction and the next read has it; a failed write queues nothing', async () => {
    const before = await dashboard(x.jurisdictionId, x.callers.reviewer);
    const [row] = await rowsOf([x.studioId]);
    expect(await queued(x.studioId)).toBe(0);
    // A rejected write (an apprentice of another studio) rolls its queue row back with it.
    const other = await makeTenant(t.db, '慢');
    await request(t.http)
      .post(`/api/studios/${x.studioId}/certificates`)
      .set('authorization', as(x.callers.leader))
      .send({ apprenticeId: other.apprenticeId, level: 'senior', awardedOn: today })
      .expect(400);
    expect(await queued(x.studioId)).toBe(0);
    // Three industry exchanges today: the studio's industry_exchanges target moves.
    for (let i = 0; i < 3; i++)
      await request(t.http)
        .post(`/api/studios/${x.studioId}/activities`)
        .set('authorization', as(x.callers.leader))
        .send({ kind: 'industry_exchange', title: `交流${i}`, date: today })
        .expect(201);
    expect(await queued(x.studioId)).toBe(3);
    const after = await dashboard(x.jurisdictionId, x.callers.reviewer);
    expect(await queued(x.studioId)).toBe(0);
    const [row2] = await rowsOf([x.studioId]);
    expect(Number(row2?.computed_ms)).toBeGreaterThan(Number(row?.computed_ms));
    expect(row2?.summary).not.toBe(row?.summary);
    expect(after.items[0]?.targets).not.toEqual(before.items[0]?.targets);
    const live = await t.app
      .get(DashboardsService)
      .live({ jurisdictionId: x.jurisdictionId }, today);
    expect(strip(after.items)).toEqual(live.map(({ studio, summary }) => ({ studio, ...summary })));
  });

  it('a check-in queues its studio in the same transaction as the attendance row', async () => {
    await activityToday(t.db, x.activityId);
    const open = `/api/studios/${x.studioId}/activities/${x.activityId}/checkin`;
    const { code } = (
      await request(t.http).post(open).set('authorization', as(x.callers.leader)).expect(200)
    ).body as { code: string };
    await snapshots.drain();
    expect(await queued(x.studioId)).toBe(0);
    await request(t.http)
      .post('/api/checkins')
      .set('authorization', as(x.callers.apprentice))
      .send({ code })
      .expect(200);
    expect(await queued(x.studioId)).toBe(1);
    // A replay inserts nothing and queues nothing.
    await request(t.http)
      .post('/api/checkins')
      .set('authorization', as(x.callers.apprentice))
      .send({ code })
      .expect(200);
    expect(await queued(x.studioId)).toBe(1);
    expect(await snapshots.drain()).toBeGreaterThanOrEqual(1);
    expect(await queued(x.studioId)).toBe(0);
  });

  it('a new rules version makes every snapshot stale: the dashboard and the background pass rebuild them', async () => {
    await dashboard(x.jurisdictionId, x.callers.reviewer);
    const all = async () =>
      (await t.db.query('SELECT * FROM progress_snapshots ORDER BY studio_id')) as SnapshotRow[];
    const old = await all();
    expect(old.length).toBeGreaterThan(2);
    expect(old.every((r) => r.rules_version === rules.version)).toBe(true);
    jest.spyOn(rules, 'version', 'get').mockReturnValue('9.9.9+0000000000000000');
    // The reviewer's jurisdiction is rebuilt on read, before answering.
    const read = await dashboard(x.jurisdictionId, x.callers.reviewer);
    const mine = (await all()).filter((r) => r.studio_id === x.studioId);
    expect(mine.map((r) => r.rules_version)).toEqual(['9.9.9+0000000000000000']);
    expect(Date.parse(read.computedAt)).toBeGreaterThanOrEqual(
      Number(old.find((r) => r.studio_id === x.studioId)?.computed_ms),
    );
    // The rest are stale until read, or until the background pass rebuilds them.
    expect((await all()).filter((r) => r.rules_version !== '9.9.9+0000000000000000').length).toBe(
      old.length - mine.length,
    );
    // (It also builds the missing ones: studios nobody has read yet.)
    await snapshots.tick();
    const after = await all();
    expect(after.length).toBeGreaterThanOrEqual(old.length);
    expect(after.filter((r) => r.rules_version !== '9.9.9+0000000000000000')).toEqual([]);
  });
});
