import request from 'supertest';
import { RoleMembership } from '../src/accounts/role-membership.entity';
import type { Caller } from '../src/auth/caller';
import { CheckinCodes } from '../src/checkin/checkin-code';
import { todayInShanghai } from '../src/common/dates';
import { TeamMember } from '../src/members/team-member.entity';
import {
  activityToday,
  makeAccount,
  makeApprentice,
  makePerson,
  makeTenant,
  type Tenant,
} from './factories/world';
import { startTestApp, TEST_SECRET, type TestApp } from './support/test-app';

const dayBefore = (d: string): string =>
  new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Member and apprentice grants hold only while their record exists and has not left (security review #1). */
describe('removed people lose their role at once', () => {
  let t: TestApp;
  let x: Tenant;
  const bearer = (c: Caller): string => `Bearer ${t.token(c)}`;
  const studio = (): string => `/api/studios/${x.studioId}`;
  const yesterday = dayBefore(todayInShanghai());
  const codes = new CheckinCodes(TEST_SECRET, 30);
  const codeFor = (activityId: number): string =>
    codes.issue(
      { activityId, studioId: x.studioId, unitId: x.unitId, jurisdictionId: x.jurisdictionId },
      Date.now(),
    ).code;

  beforeAll(async () => {
    t = await startTestApp({ CHECKIN_ROTATE_SECONDS: '30' });
    x = await makeTenant(t.db, '辛');
    await activityToday(t.db, x.activityId);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a member who left (then was deleted) can no longer write, patch the studio or open check-in', async () => {
    const member = x.callers.member;
    const achievement = { kind: 'patent', level: 'national', title: '新专利', date: '2025-07-01' };
    // A leaving date in the future: still on the team today.
    await request(t.http)
      .patch(`${studio()}/members/${x.memberId}`)
      .set('authorization', bearer(x.callers.leader))
      .send({ leftOn: '2099-12-31' })
      .expect(200);
    await request(t.http)
      .post(`${studio()}/achievements`)
      .set('authorization', bearer(member))
      .send(achievement)
      .expect(201);
    // Left yesterday: the same token no longer reaches the studio.
    await request(t.http)
      .patch(`${studio()}/members/${x.memberId}`)
      .set('authorization', bearer(x.callers.leader))
      .send({ leftOn: yesterday })
      .expect(200);
    await request(t.http)
      .post(`${studio()}/achievements`)
      .set('authorization', bearer(member))
      .send(achievement)
      .expect(404);
    await request(t.http)
      .patch(studio())
      .set('authorization', bearer(member))
      .send({ hasSign: true })
      .expect(404);
    await request(t.http)
      .post(`${studio()}/activities/${x.activityId}/checkin`)
      .set('authorization', bearer(member))
      .expect(404);
    const me = await request(t.http)
      .get('/api/me')
      .set('authorization', bearer(member))
      .expect(200);
    expect((me.body as { roles: unknown[] }).roles).toEqual([]);
    // Deleted: the grant goes with the record.
    await request(t.http)
      .delete(`${studio()}/members/${x.memberId}`)
      .set('authorization', bearer(x.callers.leader))
      .expect(204);
    expect(await t.db.getRepository(RoleMembership).countBy({ accountId: member.accountId })).toBe(
      0,
    );
    await request(t.http)
      .post(`${studio()}/achievements`)
      .set('authorization', bearer(member))
      .send(achievement)
      .expect(404);
    await request(t.http)
      .patch(studio())
      .set('authorization', bearer(member))
      .send({ hasSign: true })
      .expect(404);
    await request(t.http)
      .post(`${studio()}/activities/${x.activityId}/checkin`)
      .set('authorization', bearer(member))
      .expect(404);
  });

  it('a member deleted without a leaving date loses the role too', async () => {
    const { id: memberId, personId } = await (async () => {
      const p = await makePerson(t.db.manager, '辛赵');
      return t.db.getRepository(TeamMember).save({
        studioId: x.studioId,
        personId: p.id,
        fullTime: true,
        yearsInTrade: 3,
        joinedOn: null,
        leftOn: null,
      });
    })();
    const member = await makeAccount(t.db.manager, '辛赵', personId, [
      { role: 'member', studioId: x.studioId },
    ]);
    expect(member.grants).toEqual([{ role: 'member', studioId: x.studioId, memberId }]);
    await request(t.http)
      .patch(studio())
      .set('authorization', bearer(member))
      .send({ hasSign: true })
      .expect(200);
    await request(t.http)
      .delete(`${studio()}/members/${memberId}`)
      .set('authorization', bearer(x.callers.leader))
      .expect(204);
    await request(t.http)
      .patch(studio())
      .set('authorization', bearer(member))
      .send({ hasSign: true })
      .expect(404);
  });

  it('an apprentice who left cannot check in', async () => {
    await request(t.http)
      .post(`${studio()}/activities/${x.activityId}/checkin`)
      .set('authorization', bearer(x.callers.leader))
      .expect(200);
    const { apprentice, person } = await makeApprentice(t.db.manager, x.studioId, '辛孙');
    const caller = await makeAccount(t.db.manager, '辛孙', person.id, [
      { role: 'apprentice', studioId: x.studioId, apprenticeId: apprentice.id },
    ]);
    await request(t.http)
      .patch(`${studio()}/apprentices/${apprentice.id}`)
      .set('authorization', bearer(x.callers.leader))
      .send({ leftOn: yesterday })
      .expect(200);
    await request(t.http)
      .post('/api/checkins')
      .set('authorization', bearer(caller))
      .send({ code: codeFor(x.activityId) })
      .expect(404);
    // Still on the roster (the tenant's own apprentice): checks in.
    const ok = await request(t.http)
      .post('/api/checkins')
      .set('authorization', bearer(x.callers.apprentice))
      .send({ code: codeFor(x.activityId) })
      .expect(200);
    expect(ok.body).toMatchObject({ created: true });
  });

  it('an invitation for an apprentice who then left (409) or was deleted (404: it goes with the record) cannot be redeemed', async () => {
    const invite = async (apprenticeId: number): Promise<string> =>
      (
        (
          await request(t.http)
            .post('/api/invitations')
            .set('authorization', bearer(x.callers.leader))
            .send({ role: 'apprentice', studioId: x.studioId, apprenticeId })
            .expect(201)
        ).body as { code: string }
      ).code;
    const left = (await makeApprentice(t.db.manager, x.studioId, '辛周')).apprentice;
    const leftCode = await invite(left.id);
    await request(t.http)
      .patch(`${studio()}/apprentices/${left.id}`)
      .set('authorization', bearer(x.callers.leader))
      .send({ leftOn: yesterday })
      .expect(200);
    const newcomer = await makeAccount(t.db.manager, '微信用户', null, []);
    const refused = await request(t.http)
      .post('/api/auth/redeem')
      .set('authorization', bearer(newcomer))
      .send({ code: leftCode })
      .expect(409);
    expect(refused.body).toEqual({
      code: 'INVITEE_LEFT',
      message: expect.stringMatching(/已离开/),
    });

    const gone = (await makeApprentice(t.db.manager, x.studioId, '辛吴')).apprentice;
    const goneCode = await invite(gone.id);
    await request(t.http)
      .delete(`${studio()}/apprentices/${gone.id}`)
      .set('authorization', bearer(x.callers.leader))
      .expect(204);
    const gone404 = await request(t.http)
      .post('/api/auth/redeem')
      .set('authorization', bearer(newcomer))
      .send({ code: goneCode })
      .expect(404);
    expect(gone404.body).toMatchObject({ code: 'INVITATION_NOT_FOUND' });
    expect(
      await t.db.getRepository(RoleMembership).countBy({ accountId: newcomer.accountId }),
    ).toBe(0);
  });
});
