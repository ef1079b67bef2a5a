import request from 'supertest';
import type { Caller } from '../src/auth/caller';
import { makeTenant, type Tenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

/** null in a PATCH: 400 in Chinese for fields that cannot be empty, cleared where a field may be (security review #5). */
describe('PATCH with null', () => {
  let t: TestApp;
  let x: Tenant;
  const bearer = (c: Caller): string => `Bearer ${t.token(c)}`;
  const patch = (path: string, body: object) =>
    request(t.http)
      .patch(`/api/studios/${x.studioId}${path}`)
      .set('authorization', bearer(x.callers.leader))
      .send(body);

  beforeAll(async () => {
    t = await startTestApp();
    x = await makeTenant(t.db, '癸');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses null for fields that cannot be empty, naming each field', async () => {
    const cases: [string, object, string[]][] = [
      [`/achievements/${x.achievementId}`, { date: null }, ['date']],
      [`/members/${x.memberId}`, { name: null, fullTime: null }, ['name', 'fullTime']],
      [`/funds/${x.fundId}`, { amount: null }, ['amount']],
      [`/activities/${x.activityId}`, { title: null, kind: null }, ['title', 'kind']],
      [`/apprentices/${x.apprenticeId}`, { joinedOn: null }, ['joinedOn']],
      [`/certificates/${x.certificateId}`, { level: null }, ['level']],
      [`/documents/${x.documentId}`, { year: null }, ['year']],
    ];
    for (const [path, body, fields] of cases) {
      const res = await patch(path, body).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(Object.keys((res.body as { fields: Record<string, string> }).fields).sort()).toEqual(
        [...fields].sort(),
      );
      for (const f of fields)
        expect((res.body as { fields: Record<string, string> }).fields[f]).toMatch(/不能为空/);
    }
  });

  it('still clears the fields that may be empty', async () => {
    await patch(`/apprentices/${x.apprenticeId}`, { leftOn: '2099-01-01' }).expect(200);
    const cleared = await patch(`/apprentices/${x.apprenticeId}`, {
      leftOn: null,
      agreementSignedOn: null,
    }).expect(200);
    expect(cleared.body).toMatchObject({ leftOn: null, agreementSignedOn: null });
    const member = await patch(`/members/${x.memberId}`, { leftOn: null, joinedOn: null }).expect(
      200,
    );
    expect(member.body).toMatchObject({ leftOn: null, joinedOn: null });
  });
});
