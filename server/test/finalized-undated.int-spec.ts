import request from 'supertest';
import type { Caller } from '../src/auth/caller';
import { todayInShanghai } from '../src/common/dates';
import { makeTenant, type Tenant } from './factories/world';
import { exportedSheet } from './support/sheet-readback';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Undated records (team members, the studio checklist, the leader) carry no date that places
 * them in a period, so the finalized-period lock cannot hold them. A finalized period keeps the
 * undated facts its sheet was scored on instead (issue 10 item 8, progress/undated-facts.ts):
 * after finalization, edits to them change the open period's view and leave the finalized one's
 * as it was.
 */
describe('a finalized period keeps its undated facts', () => {
  let t: TestApp;
  let x: Tenant;
  const bearer = (c: Caller): string => `Bearer ${t.token(c)}`;
  const END = '2025-12-31';
  const get = (path: string, c: Caller = x.callers.reviewer) =>
    request(t.http).get(`/api/studios/${x.studioId}${path}`).set('authorization', bearer(c));

  beforeAll(async () => {
    t = await startTestApp();
    x = await makeTenant(t.db, '庚');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('after finalizing, member, checklist and leader edits leave the period as finalized and reach the live view, audited', async () => {
    const base = `/api/studios/${x.studioId}`;
    const factsAt = async (asOf: string) => (await get(`/facts?asOf=${asOf}`).expect(200)).body;
    const sheetAt = async (asOf: string) =>
      (await get(`/assessment?asOf=${asOf}`).expect(200)).body as Record<string, unknown>;
    const factsBefore = await factsAt(END);
    const exportBefore = await exportedSheet(t.http, x.studioId, END, bearer(x.callers.reviewer));

    const fin = await request(t.http)
      .post(`${base}/periods/2025/finalize`)
      .set('authorization', bearer(x.callers.reviewer))
      .expect(200);
    const stored = (fin.body as { sheet: Record<string, unknown> }).sheet;
    expect(await sheetAt(END)).toEqual(stored);

    // The leader edits the checklist and the leader's level; the member's level and hours
    // change; an undated member joins.
    await request(t.http)
      .patch(base)
      .set('authorization', bearer(x.callers.leader))
      .send({
        areaSqm: 300,
        hasSign: true,
        hasHonoursBoard: true,
        rulesPosted: true,
        dutiesDefined: true,
        hasEquipment: true,
        hasFundRules: true,
        leaderSkillLevel: 'technician',
        leaderFullTime: false,
      })
      .expect(200);
    await request(t.http)
      .patch(`${base}/members/${x.memberId}`)
      .set('authorization', bearer(x.callers.leader))
      .send({ skillLevel: 'senior_technician', fullTime: false, yearsInTrade: 30 })
      .expect(200);
    const joined = await request(t.http)
      .post(`${base}/members`)
      .set('authorization', bearer(x.callers.leader))
      .send({ name: '庚赵', skillLevel: 'senior_technician', fullTime: true })
      .expect(201);

    // The finalized period: facts, recomputed sheet, stored sheet and export as at finalization.
    expect(await factsAt(END)).toEqual(factsBefore);
    expect(await factsAt('2025-06-30')).toMatchObject({
      studio: factsBefore.studio,
      leader: factsBefore.leader,
      members: factsBefore.members,
    });
    expect(await sheetAt(END)).toEqual(stored);
    const periods = (await get('/periods').expect(200)).body as { items: { sheet: unknown }[] };
    expect(periods.items[0]?.sheet).toEqual(stored);
    expect(await exportedSheet(t.http, x.studioId, END, bearer(x.callers.reviewer))).toEqual(
      exportBefore,
    );

    // The open period sees every edit.
    const live = await factsAt(todayInShanghai());
    expect(live.studio).toMatchObject({ areaSqm: 300, hasSign: true, hasFundRules: true });
    expect(live.leader).toMatchObject({ skillLevel: 'technician', fullTime: false });
    expect(live.members).toEqual([
      { name: '庚李', skillLevel: 'senior_technician', fullTime: false, yearsInTrade: 30 },
      { name: '庚赵', skillLevel: 'senior_technician', fullTime: true },
    ]);

    // And the audit has each edit with its before and after.
    const audit = (await get('/audit?pageSize=100').expect(200)).body as {
      items: {
        recordType: string;
        recordId: number;
        action: string;
        before: unknown;
        after: unknown;
      }[];
    };
    const studioEdit = audit.items.find((e) => e.recordType === 'studio' && e.action === 'update');
    expect(studioEdit?.before).toMatchObject({ hasSign: null });
    expect(studioEdit?.after).toMatchObject({ hasSign: true, areaSqm: 300 });
    expect(JSON.stringify(studioEdit?.after)).toContain('technician');
    const memberEdit = audit.items.find(
      (e) => e.recordType === 'member' && e.action === 'update' && e.recordId === x.memberId,
    );
    expect(memberEdit?.before).toMatchObject({ skillLevel: 'technician', fullTime: true });
    expect(memberEdit?.after).toMatchObject({ skillLevel: 'senior_technician', fullTime: false });
    expect(
      audit.items.some(
        (e) =>
          e.recordType === 'member' &&
          e.action === 'create' &&
          e.recordId === (joined.body as { id: number }).id,
      ),
    ).toBe(true);
  }, 60_000);

  it('without finalization the same edits change the 2025 sheet: the stored copy is what holds it', async () => {
    const y = await makeTenant(t.db, '辛');
    const at = (path: string) =>
      request(t.http)
        .get(`/api/studios/${y.studioId}${path}`)
        .set('authorization', bearer(y.callers.reviewer));
    const before = (await at(`/assessment?asOf=${END}`).expect(200)).body as { items: unknown[] };
    await request(t.http)
      .patch(`/api/studios/${y.studioId}`)
      .set('authorization', bearer(y.callers.leader))
      .send({
        areaSqm: 300,
        hasSign: true,
        rulesPosted: true,
        hasEquipment: true,
        leaderSkillLevel: 'technician',
      })
      .expect(200);
    await request(t.http)
      .post(`/api/studios/${y.studioId}/members`)
      .set('authorization', bearer(y.callers.leader))
      .send({ name: '辛赵', skillLevel: 'senior_technician', fullTime: true })
      .expect(201);
    const after = (await at(`/assessment?asOf=${END}`).expect(200)).body as { items: unknown[] };
    expect(after.items).not.toEqual(before.items);
  }, 60_000);
});
