import request from 'supertest';
import { Achievement } from '../src/achievements/achievement.entity';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { FundEntry } from '../src/funds/fund-entry.entity';
import { makeTenant, type Tenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

interface Body {
  code?: string;
  message?: string;
  fields?: Record<string, string>;
  items?: Record<string, unknown>[];
  total?: number;
  [k: string]: unknown;
}

describe('studio records (REST)', () => {
  let t: TestApp;
  let x: Tenant;
  const base = () => `/api/studios/${x.studioId}`;
  const call = (
    method: 'get' | 'post' | 'patch' | 'put' | 'delete',
    path: string,
    body?: object,
    who: keyof Tenant['callers'] = 'leader',
  ) => {
    const agent = request(t.http);
    const r = agent[method](path).set('authorization', `Bearer ${t.token(x.callers[who])}`);
    return body ? r.send(body) : r;
  };

  beforeAll(async () => {
    t = await startTestApp();
    x = await makeTenant(t.db, '丙');
  });
  afterAll(async () => {
    await t?.close();
  });

  const cases: {
    coll: string;
    create: () => object;
    patch: object;
    expectAfterPatch: object;
    bad: object;
    badFields: string[];
    filter: string;
    filterTotal: number;
  }[] = [
    {
      coll: 'members',
      create: () => ({
        name: '赵六',
        skillLevel: 'senior_technician',
        fullTime: false,
        yearsInTrade: 12,
      }),
      patch: { skillLevel: 'technician' },
      expectAfterPatch: { name: '赵六', skillLevel: 'technician', fullTime: false },
      bad: { name: '', skillLevel: 'master', fullTime: 'yes' },
      badFields: ['name', 'skillLevel', 'fullTime'],
      filter: 'active=true',
      filterTotal: 2,
    },
    {
      coll: 'apprentices',
      create: () => ({ name: '孙七', joinedOn: '2025-07-01', agreementSignedOn: '2025-07-02' }),
      patch: { leftOn: '2026-01-31' },
      expectAfterPatch: { name: '孙七', leftOn: '2026-01-31' },
      bad: { name: '孙七', joinedOn: '2025-02-30' },
      badFields: ['joinedOn'],
      filter: 'active=true&q=孙',
      filterTotal: 1,
    },
    {
      coll: 'certificates',
      create: () => ({
        apprenticeId: x.apprenticeId,
        level: 'technician',
        awardedOn: '2025-11-01',
      }),
      patch: { level: 'senior_technician' },
      expectAfterPatch: { level: 'senior_technician', apprenticeName: '丙王' },
      bad: { apprenticeId: 'a1', level: 'expert', awardedOn: '2025/11/01' },
      badFields: ['apprenticeId', 'level', 'awardedOn'],
      filter: 'from=2025-10-01&to=2025-12-31',
      filterTotal: 1,
    },
    {
      coll: 'activities',
      create: () => ({
        kind: 'industry_exchange',
        title: '行业交流会',
        date: '2025-09-09',
        extraAttendance: 12,
      }),
      patch: { title: '行业技术交流会' },
      expectAfterPatch: { title: '行业技术交流会', attendance: 12, checkedIn: 0 },
      bad: { kind: 'party', title: 'x'.repeat(121), date: '2025-09-09', extraAttendance: -1 },
      badFields: ['kind', 'title', 'extraAttendance'],
      filter: 'kind=industry_exchange',
      filterTotal: 1,
    },
    {
      coll: 'achievements',
      create: () => ({
        kind: 'award',
        level: 'provincial',
        title: '省技术能手',
        date: '2025-10-10',
      }),
      patch: { level: 'national' },
      expectAfterPatch: { level: 'national' },
      bad: { kind: 'award', level: 'galactic', title: '', date: '2025-10-10' },
      badFields: ['level', 'title'],
      filter: 'kind=award',
      filterTotal: 1,
    },
    {
      coll: 'funds',
      create: () => ({
        direction: 'income',
        source: 'grant',
        category: '建设补助',
        amount: 100000,
        date: '2025-05-05',
      }),
      patch: { amount: 90000.5 },
      expectAfterPatch: { amount: 90000.5, source: 'grant' },
      bad: { direction: 'income', category: '补助', amount: -5, date: '2025-05-05' },
      badFields: ['source', 'amount'],
      filter: 'source=grant',
      filterTotal: 1,
    },
    {
      coll: 'documents',
      create: () => ({
        kind: 'annual_summary',
        year: 2025,
        submittedOn: '2025-12-28',
        title: '2025年度总结',
      }),
      patch: { title: '2025年度工作总结' },
      expectAfterPatch: { title: '2025年度工作总结', year: 2025 },
      bad: { kind: 'memo', year: 1999, submittedOn: 'yesterday' },
      badFields: ['kind', 'year', 'submittedOn'],
      filter: 'year=2025',
      filterTotal: 1,
    },
  ];

  describe.each(cases.map((c) => [c.coll, c] as const))('%s', (_coll, c) => {
    let id: number;

    it('creates, lists with filters and pagination, updates with an audit trail', async () => {
      const created = await call('post', `${base()}/${c.coll}`, c.create()).expect(201);
      id = (created.body as { id: number }).id;
      expect(typeof id).toBe('number');
      const list = await call('get', `${base()}/${c.coll}?${c.filter}&page=1&pageSize=10`).expect(
        200,
      );
      expect(list.body).toMatchObject({ total: c.filterTotal, page: 1, pageSize: 10 });
      const updated = await call('patch', `${base()}/${c.coll}/${id}`, c.patch).expect(200);
      expect(updated.body).toMatchObject(c.expectAfterPatch);
      const audit = await call(
        'get',
        `${base()}/audit?recordId=${id}&recordType=${(await auditTypeOf(id, c.coll)) ?? ''}`,
      ).expect(200);
      const actions = ((audit.body as Body).items ?? []).map((a) => a.action);
      expect(actions).toEqual(['update', 'create']);
      const upd = (audit.body as Body).items?.[0] as {
        before: Record<string, unknown>;
        after: Record<string, unknown>;
        accountId: number;
      };
      expect(upd.accountId).toBe(x.callers.leader.accountId);
      for (const [k, v] of Object.entries(c.patch)) {
        expect(upd.after[k]).toEqual(v);
        expect(upd.before[k]).not.toEqual(v);
      }
    });

    it('reads one record by id, as the list shows it; 404 for a missing id, 400 for a bad one', async () => {
      const created = await call('post', `${base()}/${c.coll}`, c.create()).expect(201);
      const rid = (created.body as { id: number }).id;
      const one = await call('get', `${base()}/${c.coll}/${rid}`).expect(200);
      expect(one.body).toEqual({ ...(created.body as object), signoff: null });
      const list = await call('get', `${base()}/${c.coll}?pageSize=100`).expect(200);
      expect(((list.body as Body).items ?? []).find((i) => i.id === rid)).toEqual(one.body);
      await call('get', `${base()}/${c.coll}/999999`).expect(404);
      await call('get', `${base()}/${c.coll}/abc`).expect(400);
    });

    it('rejects bad input with a Chinese message per field, and unknown fields', async () => {
      const res = await call('post', `${base()}/${c.coll}`, c.bad).expect(400);
      const body = res.body as Body;
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(body.fields ?? {}).sort()).toEqual([...c.badFields].sort());
      for (const m of Object.values(body.fields ?? {})) expect(m).toMatch(/[\u4e00-\u9fa5]/);
      const unknown = await call('post', `${base()}/${c.coll}`, {
        ...c.create(),
        studioId: 999,
        hacked: true,
      }).expect(400);
      expect((unknown.body as Body).fields).toEqual({
        studioId: '不支持的字段',
        hacked: '不支持的字段',
      });
      await call('patch', `${base()}/${c.coll}/abc`, c.patch).expect(400);
      await call('patch', `${base()}/${c.coll}/999999`, c.patch).expect(404);
    });

    it('deletes where the archive allows it, with an audit row keeping the old values', async () => {
      const created = await call('post', `${base()}/${c.coll}`, c.create()).expect(201);
      const rid = (created.body as { id: number }).id;
      await call('delete', `${base()}/${c.coll}/${rid}`).expect(204);
      await call('patch', `${base()}/${c.coll}/${rid}`, c.patch).expect(404);
      const audit = await t.db
        .getRepository(AuditEntry)
        .findOneByOrFail({ recordId: rid, action: 'delete', studioId: x.studioId });
      expect(audit.after).toBeNull();
      expect(JSON.parse(audit.before ?? '{}')).toMatchObject({ id: rid });
    });
  });

  async function auditTypeOf(_id: number, coll: string): Promise<string> {
    return (
      {
        members: 'member',
        apprentices: 'apprentice',
        certificates: 'certificate',
        activities: 'activity',
        achievements: 'achievement',
        funds: 'fund',
        documents: 'document',
      }[coll] ?? ''
    );
  }

  it('refuses to delete an apprentice with history, an activity with check-ins, a signed-off record', async () => {
    const ap = await call('delete', `${base()}/apprentices/${x.apprenticeId}`).expect(409);
    expect((ap.body as Body).message).toMatch(/离开日期/);
    await call(
      'post',
      `${base()}/signoffs`,
      { recordType: 'fund', recordId: x.fundId },
      'unit_contact',
    ).expect(201);
    const again = await call(
      'post',
      `${base()}/signoffs`,
      { recordType: 'fund', recordId: x.fundId },
      'unit_contact',
    ).expect(201);
    expect((again.body as { created: boolean }).created).toBe(false);
    const fund = await call('delete', `${base()}/funds/${x.fundId}`).expect(409);
    expect((fund.body as Body).message).toMatch(/审核确认/);
    const bad = await call(
      'post',
      `${base()}/signoffs`,
      { recordType: 'fund', recordId: 999999 },
      'unit_contact',
    ).expect(400);
    expect((bad.body as Body).fields).toEqual({ recordId: '本工作室没有这条记录' });
  });

  it('carries each record’s sign-off (who, when) in its list and read views, null until confirmed', async () => {
    const act = await call('post', `${base()}/activities`, {
      kind: 'training',
      title: '已办的培训',
      date: '2025-09-01',
    }).expect(201);
    const id = (act.body as { id: number }).id;
    expect((await call('get', `${base()}/activities/${id}`).expect(200)).body).toMatchObject({
      signoff: null,
    });
    await call(
      'post',
      `${base()}/signoffs`,
      { recordType: 'activity', recordId: id },
      'unit_contact',
    ).expect(201);
    const list = await call('get', `${base()}/activities?pageSize=100`).expect(200);
    const row = (list.body as Body).items?.find((r) => r.id === id);
    expect(row?.signoff).toEqual({
      signedBy: '丙单位联系人',
      signedAt: expect.stringMatching(/^\d{4}-/),
    });
    const one = await call('get', `${base()}/activities/${id}`, undefined, 'unit_contact').expect(
      200,
    );
    expect((one.body as Body).signoff).toEqual(row?.signoff);
    expect(
      (list.body as Body).items?.filter((r) => r.id !== id).every((r) => r.signoff === null),
    ).toBe(true);
  });

  it('refuses to confirm an activity dated in the future (400, with the day it opens)', async () => {
    const act = await call('post', `${base()}/activities`, {
      kind: 'training',
      title: '明年的培训',
      date: '2099-03-01',
    }).expect(201);
    const id = (act.body as { id: number }).id;
    const res = await call(
      'post',
      `${base()}/signoffs`,
      { recordType: 'activity', recordId: id },
      'unit_contact',
    ).expect(400);
    expect((res.body as Body).message).toBe('该活动的日期是2099年3月1日，当天起才能确认');
    expect((res.body as Body).fields).toEqual({
      recordId: '该活动的日期是2099年3月1日，当天起才能确认',
    });
  });

  it('refuses to change a signed-off record (409), writing nothing', async () => {
    await call(
      'post',
      `${base()}/signoffs`,
      { recordType: 'achievement', recordId: x.achievementId },
      'unit_contact',
    ).expect(201);
    const audits = await t.db
      .getRepository(AuditEntry)
      .countBy({ recordType: 'achievement', recordId: x.achievementId });
    const res = await call(
      'patch',
      `${base()}/achievements/${x.achievementId}`,
      { title: '改过的标题' },
      'member',
    ).expect(409);
    expect(res.body).toEqual({ code: 'SIGNED_OFF', message: '该成果已由单位审核确认，不能修改' });
    expect(
      (await t.db.getRepository(Achievement).findOneByOrFail({ id: x.achievementId })).title,
    ).toBe('焊缝检测装置');
    expect(
      await t.db
        .getRepository(AuditEntry)
        .countBy({ recordType: 'achievement', recordId: x.achievementId }),
    ).toBe(audits);
  });

  it('rejects a certificate for an apprentice of another studio, writing nothing', async () => {
    const other = await makeTenant(t.db, '丁');
    const before = await t.db.getRepository(AuditEntry).count();
    const res = await call('post', `${base()}/certificates`, {
      apprenticeId: other.apprenticeId,
      level: 'senior',
      awardedOn: '2025-10-01',
    }).expect(400);
    expect((res.body as Body).fields).toEqual({ apprenticeId: '本工作室没有这个徒弟' });
    expect(await t.db.getRepository(AuditEntry).count()).toBe(before);
  });

  it('rolls back a write whose second step fails (person row created, then rejected)', async () => {
    const people = async () =>
      Number(((await t.db.query('SELECT COUNT(*) AS n FROM people')) as { n: number }[])[0]?.n);
    const n = await people();
    await call('post', `${base()}/apprentices`, {
      name: '回滚',
      joinedOn: '2025-05-01',
      leftOn: '2025-04-01',
    }).expect(400);
    expect(await people()).toBe(n);
  });

  it('enforces the income / spending source rule', async () => {
    const res = await call('post', `${base()}/funds`, {
      direction: 'spending',
      source: 'grant',
      category: '耗材',
      amount: 10,
      date: '2025-05-05',
    }).expect(400);
    expect((res.body as Body).fields).toEqual({ source: '支出记录不填经费来源' });
  });

  describe('studio', () => {
    it('gets, updates the checklist and leader, and audits it', async () => {
      const res = await call('patch', base(), {
        areaSqm: 45,
        hasSign: true,
        leaderSkillLevel: 'chief_technician',
      }).expect(200);
      expect(res.body).toMatchObject({
        areaSqm: 45,
        hasSign: true,
        leader: { skillLevel: 'chief_technician' },
      });
      const got = await call('get', base()).expect(200);
      expect(got.body).toMatchObject({
        id: x.studioId,
        name: '丙张焊工技能大师工作室',
        jurisdiction: { policyId: 'urumqi-2023' },
      });
      const audit = await call('get', `${base()}/audit?recordType=studio`).expect(200);
      expect((audit.body as Body).items?.[0]).toMatchObject({
        action: 'update',
        before: { areaSqm: null },
        after: { areaSqm: 45 },
      });
      const bad = await call('patch', base(), { areaSqm: -1, status: 'revoked' }).expect(400);
      expect(Object.keys((bad.body as Body).fields ?? {}).sort()).toEqual(['areaSqm', 'status']);
    });

    it('lets the reviewer change standing and filter the list by status', async () => {
      await call('patch', `${base()}/standing`, { status: 'rectification' }, 'reviewer').expect(
        200,
      );
      const list = await call(
        'get',
        '/api/studios?status=rectification',
        undefined,
        'reviewer',
      ).expect(200);
      expect((list.body as Body).items?.map((i) => i.id)).toEqual([x.studioId]);
      const none = await call('get', '/api/studios?status=active', undefined, 'reviewer').expect(
        200,
      );
      expect((none.body as Body).total).toBe(0);
      await call('get', '/api/studios?pageSize=500').expect(400);
    });
  });

  describe('judgments and finalized periods', () => {
    it('records a judgment, then finalizing a period locks its records (409) but not others', async () => {
      const j = await call(
        'put',
        `${base()}/judgments/U10`,
        { score: 2.5, note: '攻关成效明显' },
        'reviewer',
      ).expect(200);
      expect(j.body).toMatchObject({ itemId: 'U10', score: 2.5 });
      await call('put', `${base()}/judgments/bad id`, { score: 1 }, 'reviewer').expect(400);
      const list = await call('get', `${base()}/judgments`).expect(200);
      expect((list.body as Body).items).toEqual([
        expect.objectContaining({ itemId: 'U10', score: 2.5 }),
      ]);

      const fin = await call(
        'post',
        `${base()}/periods/2025-01-01_2025-06-30/finalize`,
        undefined,
        'reviewer',
      ).expect(200);
      expect(fin.body).toMatchObject({
        from: '2025-01-01',
        to: '2025-06-30',
        sheet: { policyId: 'urumqi-2023' },
      });
      await call(
        'post',
        `${base()}/periods/2025-03-01_2025-12-31/finalize`,
        undefined,
        'reviewer',
      ).expect(409);
      await call(
        'post',
        `${base()}/periods/2025-13-01_2025-12-31/finalize`,
        undefined,
        'reviewer',
      ).expect(400);

      // The factory's activity is dated 2025-05-01: inside the finalized period.
      const locked = await call('patch', `${base()}/activities/${x.activityId}`, {
        title: '改不了',
      }).expect(409);
      expect(locked.body).toEqual({
        code: 'PERIOD_FINALIZED',
        message: expect.stringMatching(/已定稿/),
      });
      await call('post', `${base()}/activities`, {
        kind: 'training',
        title: '补录',
        date: '2025-06-01',
      }).expect(409);
      // Moving a later record into the period is refused too.
      const later = await call('post', `${base()}/activities`, {
        kind: 'training',
        title: '下半年',
        date: '2025-07-01',
      }).expect(201);
      await call('patch', `${base()}/activities/${(later.body as { id: number }).id}`, {
        date: '2025-06-15',
      }).expect(409);
      const periods = await call('get', `${base()}/periods`).expect(200);
      expect((periods.body as Body).items?.map((p) => [p.from, p.to])).toEqual([
        ['2025-01-01', '2025-06-30'],
      ]);
      // The ledger row dated 2025-04-01 stays as it was.
      expect((await t.db.getRepository(FundEntry).findOneByOrFail({ id: x.fundId })).amount).toBe(
        60000,
      );
    });
  });
});
