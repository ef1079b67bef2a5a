import fc from 'fast-check';
import request from 'supertest';
import {
  ACHIEVEMENT_KINDS,
  ACHIEVEMENT_LEVELS,
  ACTIVITY_KINDS,
  DOCUMENT_KINDS,
  FUND_SOURCES,
  POLICY_IDS,
  POLICY_DEFINITIONS,
  RETIREMENT_CATEGORIES,
  SKILL_LEVELS,
} from '@master-studio/shared-rules';
import type { Caller } from '../src/auth/caller';
import { STUDIO_STATUSES } from '../src/studios/studio.entity';
import { makeTenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

/** A real calendar day, `YYYY-MM-DD`. */
const day = fc
  .record({
    y: fc.integer({ min: 1990, max: 2030 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
/** Names as people type them, blanks and padding included. */
const name = fc.oneof(
  fc.constantFrom('   ', '\t', ' 张三 ', '李四'),
  fc.string({ minLength: 1, maxLength: 20 }),
);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const ITEM_IDS = [
  ...new Set(
    POLICY_DEFINITIONS.flatMap((p) =>
      p.assessment.kind === 'items' ? p.assessment.items.map((i) => i.id) : [],
    ),
  ),
];

type Op = { method: 'post' | 'patch' | 'put'; path: string; body: Record<string, unknown> };
const strip = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const op =
  (method: Op['method'], path: string) =>
  (body: Record<string, unknown>): Op => ({ method, path, body: strip(body) });

const ops = (apprenticeId: number): fc.Arbitrary<Op> =>
  fc.oneof(
    fc
      .record({
        name,
        skillLevel: fc.constantFrom(...SKILL_LEVELS),
        fullTime: fc.boolean(),
        yearsInTrade: opt(fc.integer({ min: 0, max: 70 })),
        joinedOn: opt(day),
      })
      .map(op('post', 'members')),
    fc
      .record({ name, joinedOn: day, agreementSignedOn: opt(day), leftOn: opt(day) })
      .map(op('post', 'apprentices')),
    fc
      .record({
        apprenticeId: fc.constant(apprenticeId),
        level: fc.constantFrom(...SKILL_LEVELS),
        awardedOn: day,
      })
      .map(op('post', 'certificates')),
    fc
      .record({
        kind: fc.constantFrom(...ACTIVITY_KINDS),
        title: name,
        date: day,
        extraAttendance: opt(fc.integer({ min: 0, max: 100000 })),
      })
      .map(op('post', 'activities')),
    fc
      .record({
        kind: fc.constantFrom(...ACHIEVEMENT_KINDS),
        level: fc.constantFrom(...ACHIEVEMENT_LEVELS),
        title: name,
        date: day,
      })
      .map(op('post', 'achievements')),
    fc
      .record({
        direction: fc.constant('income'),
        source: fc.constantFrom(...FUND_SOURCES),
        category: name,
        amount: fc.integer({ min: 1, max: 1e9 }),
        date: day,
      })
      .map(op('post', 'funds')),
    fc
      .record({
        kind: fc.constantFrom(...DOCUMENT_KINDS),
        year: fc.integer({ min: 2000, max: 2100 }),
        submittedOn: day,
      })
      .map(op('post', 'documents')),
    fc
      .record({
        areaSqm: opt(fc.option(fc.integer({ min: 0, max: 100000 }))),
        hasSign: opt(fc.option(fc.boolean())),
        leaderBirthDate: opt(fc.option(day)),
        leaderRetirementCategory: opt(fc.option(fc.constantFrom(...RETIREMENT_CATEGORIES))),
        leaderSkillLevel: opt(fc.option(fc.constantFrom(...SKILL_LEVELS))),
      })
      .map(op('patch', '')),
    fc
      .record({
        status: opt(fc.constantFrom(...STUDIO_STATUSES)),
        vetoed: opt(fc.boolean()),
        assessmentTotal: opt(fc.option(fc.integer({ min: 0, max: 1000 }))),
      })
      .map(op('patch', 'standing')),
    fc
      .record({ item: fc.constantFrom(...ITEM_IDS), score: fc.integer({ min: 0, max: 100 }) })
      .map(({ item, score }) => ({
        method: 'put' as const,
        path: `judgments/${item}`,
        body: { score },
      })),
  );

/**
 * What the API accepts, the rules accept (issue 10 item 3): any sequence of requests with valid
 * DTOs leaves every studio's progress and assessment computable. A request may be refused (400,
 * 409); one that is answered 2xx must not make the rules reject the studio.
 */
describe('the API accepts only what the rules accept', () => {
  let t: TestApp;
  const bearer = (c: Caller): string => `Bearer ${t.token(c)}`;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('progress and assessment still compute after any accepted writes', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...POLICY_IDS),
        fc.integer({ min: 0, max: 1_000_000 }),
        async (policyId, seed) => {
          const x = await makeTenant(t.db, `性${n++}`, policyId);
          const writes = fc.sample(ops(x.apprenticeId), { numRuns: 12, seed });
          for (const w of writes) {
            const by =
              w.path === 'standing' || w.path.startsWith('judgments/')
                ? x.callers.reviewer
                : x.callers.leader;
            const path = `/api/studios/${x.studioId}${w.path ? `/${w.path}` : ''}`;
            const agent = request(t.http);
            const res = await agent[w.method](path).set('authorization', bearer(by)).send(w.body);
            expect({ w, status: res.status < 500 }).toEqual({ w, status: true });
          }
          for (const what of ['progress', 'assessment']) {
            const res = await request(t.http)
              .get(`/api/studios/${x.studioId}/${what}?asOf=2026-06-30`)
              .set('authorization', bearer(x.callers.reviewer));
            expect({
              policyId,
              writes,
              status: res.status,
              body: res.status === 200 ? null : res.body,
            }).toEqual({ policyId, writes, status: 200, body: null });
          }
        },
      ),
      { numRuns: 15, seed: 20261201 },
    );
  }, 120_000);

  it('refuses the two reported cases: a blank name, a panel total under a policy without one', async () => {
    const x = await makeTenant(t.db, '空', 'urumqi-2023');
    const res = await request(t.http)
      .post(`/api/studios/${x.studioId}/members`)
      .set('authorization', bearer(x.callers.leader))
      .send({ name: '   ', skillLevel: 'technician', fullTime: true })
      .expect(400);
    expect((res.body as { fields: Record<string, string> }).fields).toEqual({ name: '请填写姓名' });
    await request(t.http)
      .patch(`/api/studios/${x.studioId}/standing`)
      .set('authorization', bearer(x.callers.reviewer))
      .send({ assessmentTotal: 88 })
      .expect(400);
    const y = await makeTenant(t.db, '渝', 'yuzhong-2023');
    await request(t.http)
      .patch(`/api/studios/${y.studioId}/standing`)
      .set('authorization', bearer(y.callers.reviewer))
      .send({ assessmentTotal: 88 })
      .expect(200);
    await request(t.http)
      .patch(`/api/studios/${y.studioId}/standing`)
      .set('authorization', bearer(y.callers.reviewer))
      .send({ assessmentTotal: 121 })
      .expect(400);
    // Names are stored trimmed.
    const ok = await request(t.http)
      .post(`/api/studios/${x.studioId}/members`)
      .set('authorization', bearer(x.callers.leader))
      .send({ name: ' 赵六 ', skillLevel: 'technician', fullTime: true })
      .expect(201);
    expect((ok.body as { name: string }).name).toBe('赵六');
  });

  it('names the record, not its position, when the rules do reject stored facts', async () => {
    const x = await makeTenant(t.db, '名', 'urumqi-2023');
    // Facts the API would refuse, written behind its back (an old row, a manual fix).
    await t.db.query(
      `UPDATE people SET skill_level = 'grandmaster' WHERE id = (SELECT person_id FROM team_members WHERE id = ?)`,
      [x.memberId],
    );
    const res = await request(t.http)
      .get(`/api/studios/${x.studioId}/progress`)
      .set('authorization', bearer(x.callers.leader))
      .expect(400);
    const body = res.body as { code: string; message: string; fields: Record<string, string> };
    expect(body.code).toBe('RULES_REJECTED');
    expect(body.message).toContain(`团队成员「名李」（编号 ${x.memberId}）的 skillLevel`);
    expect(body.message).not.toMatch(/members\[|members\.\d/);
    expect(Object.keys(body.fields)).toEqual([`member:${x.memberId}.skillLevel`]);
  });
});
