import request from 'supertest';
import { makeTenant, type Tenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

interface Body {
  id?: number;
  code?: string;
  message?: string;
  fields?: Record<string, string>;
  [k: string]: unknown;
}

/** Idempotency-Key on create (POST) routes: the offline queue's resends are applied once. */
describe('Idempotency-Key on creates', () => {
  let t: TestApp;
  let x: Tenant;
  let n = 0;
  const freshKey = () => `k-${Date.now().toString(36)}-${++n}:test.1_x`;
  const base = () => `/api/studios/${x.studioId}`;
  const post = (
    path: string,
    body: object,
    key?: string,
    who: keyof Tenant['callers'] = 'leader',
  ) => {
    const r = request(t.http)
      .post(path)
      .set('authorization', `Bearer ${t.token(x.callers[who])}`);
    return (key === undefined ? r : r.set('Idempotency-Key', key)).send(body);
  };
  const count = async (table: string): Promise<number> => {
    const rows = (await t.db.query(`SELECT COUNT(*) AS n FROM ${table} WHERE studio_id = ?`, [
      x.studioId,
    ])) as { n: number | string }[];
    return Number(rows[0]?.n);
  };
  const fund = (amount: number) => ({
    direction: 'income',
    source: 'grant',
    category: '建设补助',
    amount,
    date: '2025-05-05',
  });

  beforeAll(async () => {
    t = await startTestApp();
    x = await makeTenant(t.db, '幂');
  });
  afterAll(async () => {
    await t?.close();
  });

  const creates: [string, string, () => object][] = [
    [
      'members',
      'team_members',
      () => ({ name: '赵六', skillLevel: 'senior_technician', fullTime: false, yearsInTrade: 12 }),
    ],
    [
      'apprentices',
      'apprentices',
      () => ({ name: '孙七', joinedOn: '2025-07-01', agreementSignedOn: '2025-07-02' }),
    ],
    [
      'certificates',
      'certificates',
      () => ({ apprenticeId: x.apprenticeId, level: 'technician', awardedOn: '2025-11-01' }),
    ],
    [
      'activities',
      'activities',
      () => ({
        kind: 'industry_exchange',
        title: '行业交流会',
        date: '2025-09-09',
        extraAttendance: 12,
      }),
    ],
    [
      'achievements',
      'achievements',
      () => ({ kind: 'award', level: 'provincial', title: '省技术能手', date: '2025-10-10' }),
    ],
    ['funds', 'fund_entries', () => fund(100000)],
    [
      'documents',
      'documents',
      () => ({
        kind: 'annual_summary',
        year: 2025,
        submittedOn: '2025-12-28',
        title: '2025年度总结',
      }),
    ],
  ];

  it.each(creates)(
    '%s: the same key twice creates one record and answers the same body',
    async (coll, table, body) => {
      const key = freshKey();
      const before = await count(table);
      const first = await post(`${base()}/${coll}`, body(), key).expect(201);
      const again = await post(`${base()}/${coll}`, body(), key).expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(await count(table)).toBe(before + 1);
    },
  );

  it('writes one audit row for a replayed create', async () => {
    const key = freshKey();
    const first = await post(`${base()}/funds`, fund(12), key).expect(201);
    await post(`${base()}/funds`, fund(12), key).expect(201);
    const rows = (await t.db.query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE record_type = 'fund' AND record_id = ?",
      [(first.body as Body).id],
    )) as { n: number | string }[];
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it.each([
    ['funds', 'fund_entries', () => fund(7)] as const,
    ['members', 'team_members', () => creates[0]![2]()] as const,
  ])('%s: five concurrent requests with one key create one record', async (coll, table, body) => {
    const key = freshKey();
    const before = await count(table);
    const answers = await Promise.all(
      [0, 1, 2, 3, 4].map(() => post(`${base()}/${coll}`, body(), key)),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    const ids = new Set(answers.map((a) => (a.body as Body).id));
    expect(ids.size).toBe(1);
    for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
    expect(await count(table)).toBe(before + 1);
  });

  it('answers 422 when the key was used on another path or method', async () => {
    const key = freshKey();
    await post(`${base()}/funds`, fund(1), key).expect(201);
    const before = await count('achievements');
    const res = await post(
      `${base()}/achievements`,
      { kind: 'award', level: 'provincial', title: '省技术能手', date: '2025-10-10' },
      key,
    ).expect(422);
    expect((res.body as Body).code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((res.body as Body).message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await count('achievements')).toBe(before);
  });

  it.each([[''], ['x'.repeat(101)], ['has space'], ['a/b'], ['a;b']])(
    'rejects the bad key %j with 400 and a Chinese message',
    async (key) => {
      const before = await count('fund_entries');
      const res = await post(`${base()}/funds`, fund(2), key).expect(400);
      expect((res.body as Body).code).toBe('VALIDATION_FAILED');
      expect((res.body as Body).message).toMatch(/[\u4e00-\u9fa5]/);
      expect(Object.keys((res.body as Body).fields ?? {})).toEqual(['Idempotency-Key']);
      expect(await count('fund_entries')).toBe(before);
    },
  );

  it('accepts a key of 100 characters of every allowed kind', async () => {
    const key = `Az09_-:.${'k'.repeat(92)}`;
    await post(`${base()}/funds`, fund(3), key).expect(201);
  });

  it('stores nothing for a failed create: the retry with the same key creates', async () => {
    const key = freshKey();
    const before = await count('fund_entries');
    await post(`${base()}/funds`, { ...fund(4), amount: -5 }, key).expect(400);
    const ok = await post(`${base()}/funds`, fund(4), key).expect(201);
    expect((ok.body as Body).amount).toBe(4);
    expect(await count('fund_entries')).toBe(before + 1);
  });

  it('stores nothing when the write fails inside its transaction: the retry creates', async () => {
    const key = freshKey();
    const before = await count('certificates');
    await post(
      `${base()}/certificates`,
      { apprenticeId: 999999, level: 'technician', awardedOn: '2025-11-01' },
      key,
    ).expect((r) => expect(r.status).toBeGreaterThanOrEqual(400));
    await post(
      `${base()}/certificates`,
      { apprenticeId: x.apprenticeId, level: 'technician', awardedOn: '2025-11-02' },
      key,
    ).expect(201);
    expect(await count('certificates')).toBe(before + 1);
  });

  it('keys are per account, and requests without the header behave as before', async () => {
    const key = freshKey();
    const before = await count('fund_entries');
    await post(`${base()}/funds`, fund(5), key, 'leader').expect(201);
    await post(`${base()}/funds`, fund(5), key, 'member').expect(201);
    await post(`${base()}/funds`, fund(5)).expect(201);
    await post(`${base()}/funds`, fund(5)).expect(201);
    expect(await count('fund_entries')).toBe(before + 4);
  });

  it('sign-offs: a replay answers the first body (created: true)', async () => {
    const key = freshKey();
    const first = await post(
      `${base()}/signoffs`,
      { recordType: 'document', recordId: x.documentId },
      key,
      'unit_contact',
    ).expect(201);
    expect((first.body as { created: boolean }).created).toBe(true);
    const again = await post(
      `${base()}/signoffs`,
      { recordType: 'document', recordId: x.documentId },
      key,
      'unit_contact',
    ).expect(201);
    expect(again.body).toEqual(first.body);
    const plain = await post(
      `${base()}/signoffs`,
      { recordType: 'document', recordId: x.documentId },
      undefined,
      'unit_contact',
    ).expect(201);
    expect((plain.body as { created: boolean }).created).toBe(false);
  });
});
