import request from 'supertest';
import { RoleMembership, type Role } from '../src/accounts/role-membership.entity';
import { Achievement } from '../src/achievements/achievement.entity';
import { Activity } from '../src/activities/activity.entity';
import { Certificate } from '../src/certificates/certificate.entity';
import { StudioDocument } from '../src/documents/document.entity';
import { FundEntry } from '../src/funds/fund-entry.entity';
import { TeamMember } from '../src/members/team-member.entity';
import { issueInvitation } from '../src/invitations/invitations.service';
import { PrivacyRequest } from '../src/privacy/privacy.entities';
import {
  makeApprentice,
  makePerson,
  activityToday,
  makeTenant,
  ROLES,
  type Tenant,
} from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
interface Endpoint {
  name: string;
  method: Method;
  /** Builds the path (and body) against a tenant; may create a fresh record first (deletes). */
  target: (t: Tenant) => Promise<{ path: string; body?: object }> | { path: string; body?: object };
  allowed: readonly Role[];
  /** What roles outside `allowed` get on their OWN tenant (403 unless the resource is hidden); per role where it differs. */
  denied?: number | Partial<Record<Role, number>>;
}

const VIEW: Role[] = ['leader', 'member', 'apprentice', 'unit_contact', 'reviewer'];
const READ: Role[] = ['leader', 'member', 'unit_contact', 'reviewer'];
const EDIT: Role[] = ['leader', 'member'];
/** Unit-level writes: the unit's contact sees the unit (403), studio roles do not (404). */
const UNIT_HIDDEN = { leader: 404, member: 404, apprentice: 404, unit_contact: 403 } as const;
const deniedFor = (e: Endpoint, role: Role): number =>
  typeof e.denied === 'object' ? (e.denied[role] ?? 403) : (e.denied ?? 403);

describe('access matrix: every endpoint × every role × own and other tenant', () => {
  let t: TestApp;
  let own: Tenant;
  let other: Tenant;
  const codes = new Map<number, string>();

  beforeAll(async () => {
    t = await startTestApp({ CHECKIN_ROTATE_SECONDS: '3600' });
    own = await makeTenant(t.db, '甲');
    await activityToday(t.db, own.activityId);
    other = await makeTenant(t.db, '乙', 'gongshu-2020');
    await activityToday(t.db, other.activityId);
    for (const tenant of [own, other]) {
      const res = await request(t.http)
        .post(`/api/studios/${tenant.studioId}/activities/${tenant.activityId}/checkin`)
        .set('authorization', `Bearer ${t.token(tenant.callers.leader)}`)
        .expect(200);
      codes.set(tenant.studioId, (res.body as { code: string }).code);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const s = (x: Tenant): string => `/api/studios/${x.studioId}`;
  const fresh = {
    member: async (x: Tenant) =>
      (
        await t.db.getRepository(TeamMember).save({
          studioId: x.studioId,
          personId: (await makePerson(t.db.manager, '临时成员', { skillLevel: 'senior' })).id,
          fullTime: true,
          yearsInTrade: null,
          joinedOn: null,
          leftOn: null,
        })
      ).id,
    apprentice: async (x: Tenant) =>
      (await makeApprentice(t.db.manager, x.studioId, '临时徒弟')).apprentice.id,
    certificate: async (x: Tenant) =>
      (
        await t.db.getRepository(Certificate).save({
          studioId: x.studioId,
          apprenticeId: x.apprenticeId,
          level: 'junior',
          awardedOn: '2025-10-01',
          number: null,
        })
      ).id,
    activity: async (x: Tenant) =>
      (
        await t.db.getRepository(Activity).save({
          studioId: x.studioId,
          kind: 'training',
          title: '临时',
          date: '2025-10-01',
          location: null,
          extraAttendance: 0,
          checkinOpen: false,
        })
      ).id,
    achievement: async (x: Tenant) =>
      (
        await t.db.getRepository(Achievement).save({
          studioId: x.studioId,
          kind: 'media',
          level: 'city',
          title: '报道',
          date: '2025-10-01',
        })
      ).id,
    fund: async (x: Tenant) =>
      (
        await t.db.getRepository(FundEntry).save({
          studioId: x.studioId,
          direction: 'spending',
          source: null,
          category: '耗材',
          amount: 100,
          date: '2025-10-01',
          note: null,
        })
      ).id,
    document: async (x: Tenant) =>
      (
        await t.db.getRepository(StudioDocument).save({
          studioId: x.studioId,
          kind: 'annual_summary',
          year: 2025,
          submittedOn: '2025-12-25',
          title: null,
        })
      ).id,
  };

  const endpoints: Endpoint[] = [
    { name: 'GET studio', method: 'get', target: (x) => ({ path: s(x) }), allowed: VIEW },
    {
      name: 'PATCH studio',
      method: 'patch',
      target: (x) => ({ path: s(x), body: { areaSqm: 40 } }),
      allowed: EDIT,
    },
    {
      name: 'PATCH standing',
      method: 'patch',
      target: (x) => ({ path: `${s(x)}/standing`, body: { vetoed: false } }),
      allowed: ['reviewer'],
    },
    {
      name: 'GET facts',
      method: 'get',
      target: (x) => ({ path: `${s(x)}/facts?asOf=2025-12-31` }),
      allowed: READ,
    },
    {
      name: 'GET progress',
      method: 'get',
      target: (x) => ({ path: `${s(x)}/progress?asOf=2025-12-31` }),
      allowed: READ,
    },
    {
      name: 'GET assessment',
      method: 'get',
      target: (x) => ({ path: `${s(x)}/assessment?asOf=2025-12-31` }),
      allowed: READ,
    },
    { name: 'GET audit', method: 'get', target: (x) => ({ path: `${s(x)}/audit` }), allowed: READ },
    {
      name: 'GET judgments',
      method: 'get',
      target: (x) => ({ path: `${s(x)}/judgments` }),
      allowed: READ,
    },
    {
      name: 'PUT judgment',
      method: 'put',
      target: (x) => ({ path: `${s(x)}/judgments/U10`, body: { score: 2 } }),
      allowed: ['reviewer'],
    },
    {
      name: 'GET review',
      method: 'get',
      target: (x) => ({ path: `${s(x)}/review?asOf=2025-12-31` }),
      allowed: READ,
    },
    {
      name: 'POST studio facts confirm',
      method: 'post',
      target: (x) => ({ path: `${s(x)}/facts/confirm` }),
      allowed: ['unit_contact'],
    },
    {
      name: 'PUT review comment',
      method: 'put',
      target: (x) => ({ path: `${s(x)}/review/comment`, body: { comment: '评审意见' } }),
      allowed: ['reviewer'],
    },
    {
      name: 'PUT override',
      method: 'put',
      target: (x) => ({ path: `${s(x)}/overrides/U1`, body: { score: 1, reason: '核实' } }),
      allowed: ['reviewer'],
    },
    {
      name: 'GET signoffs',
      method: 'get',
      target: (x) => ({ path: `${s(x)}/signoffs` }),
      allowed: READ,
    },
    // A fresh activity: a signed-off record can no longer be changed, and PATCH activities below uses the tenant's own.
    {
      name: 'POST signoff',
      method: 'post',
      target: async (x) => ({
        path: `${s(x)}/signoffs`,
        body: { recordType: 'activity', recordId: await fresh.activity(x) },
      }),
      allowed: ['unit_contact'],
    },
    {
      name: 'GET periods',
      method: 'get',
      target: (x) => ({ path: `${s(x)}/periods` }),
      allowed: READ,
    },
    {
      name: 'POST finalize',
      method: 'post',
      target: (x) => ({ path: `${s(x)}/periods/2019/finalize` }),
      allowed: ['reviewer'],
    },
    {
      name: 'GET activities',
      method: 'get',
      target: (x) => ({ path: `${s(x)}/activities` }),
      allowed: VIEW,
    },
    {
      name: 'GET attendance',
      method: 'get',
      target: (x) => ({ path: `${s(x)}/activities/${x.activityId}/attendance` }),
      allowed: READ,
    },
    {
      name: 'POST open check-in',
      method: 'post',
      target: (x) => ({ path: `${s(x)}/activities/${x.activityId}/checkin` }),
      allowed: EDIT,
    },
    {
      name: 'GET check-in code',
      method: 'get',
      target: (x) => ({ path: `${s(x)}/activities/${x.activityId}/checkin` }),
      allowed: EDIT,
    },
    {
      name: 'DELETE check-in',
      method: 'delete',
      target: async (x) => ({ path: `${s(x)}/activities/${await fresh.activity(x)}/checkin` }),
      allowed: EDIT,
    },
    {
      name: 'POST check-in',
      method: 'post',
      target: (x) => ({ path: '/api/checkins', body: { code: codes.get(x.studioId) } }),
      allowed: ['apprentice'],
    },
    {
      name: 'GET unit dashboard',
      method: 'get',
      target: (x) => ({ path: `/api/dashboards/unit/${x.unitId}?asOf=2025-12-31` }),
      allowed: ['unit_contact', 'reviewer'],
      denied: 404,
    },
    {
      name: 'GET jurisdiction dashboard',
      method: 'get',
      target: (x) => ({ path: `/api/dashboards/jurisdiction/${x.jurisdictionId}?asOf=2025-12-31` }),
      allowed: ['reviewer'],
    },
    {
      name: 'GET reminders digest',
      method: 'get',
      target: (x) => ({ path: `/api/reminders/digest/${x.jurisdictionId}` }),
      allowed: ['reviewer'],
    },
    {
      name: 'POST unit',
      method: 'post',
      target: (x) => ({
        path: '/api/units',
        body: { jurisdictionId: x.jurisdictionId, name: '新单位' },
      }),
      allowed: ['reviewer'],
    },
    {
      name: 'POST studio',
      method: 'post',
      target: (x) => ({
        path: '/api/studios',
        body: {
          unitId: x.unitId,
          name: '新工作室',
          trade: '焊工',
          recognizedOn: '2025-01-01',
          leader: {
            name: '新领办人',
            birthDate: '1980-01-01',
            retirementCategory: 'male',
            skillLevel: 'technician',
            fullTime: true,
          },
        },
      }),
      allowed: ['reviewer'],
      denied: UNIT_HIDDEN,
    },
    {
      name: 'POST invitation leader',
      method: 'post',
      target: (x) => ({ path: '/api/invitations', body: { role: 'leader', studioId: x.studioId } }),
      allowed: ['reviewer'],
    },
    {
      name: 'POST invitation unit_contact',
      method: 'post',
      target: (x) => ({
        path: '/api/invitations',
        body: { role: 'unit_contact', unitId: x.unitId },
      }),
      allowed: ['reviewer'],
      denied: UNIT_HIDDEN,
    },
    {
      name: 'POST invitation member',
      method: 'post',
      target: (x) => ({
        path: '/api/invitations',
        body: { role: 'member', studioId: x.studioId, memberId: x.memberId },
      }),
      allowed: ['leader'],
    },
    {
      name: 'POST invitation apprentice',
      method: 'post',
      target: (x) => ({
        path: '/api/invitations',
        body: { role: 'apprentice', studioId: x.studioId, apprenticeId: x.apprenticeId },
      }),
      allowed: ['leader'],
    },
    {
      name: 'GET invitations of a studio',
      method: 'get',
      target: (x) => ({ path: `/api/invitations?studioId=${x.studioId}` }),
      allowed: ['leader', 'reviewer'],
    },
    {
      name: 'GET invitations of a unit',
      method: 'get',
      target: (x) => ({ path: `/api/invitations?unitId=${x.unitId}` }),
      allowed: ['reviewer'],
      denied: UNIT_HIDDEN,
    },
    {
      name: 'GET privacy-requests',
      method: 'get',
      target: (x) => ({ path: `${s(x)}/privacy-requests` }),
      allowed: ['leader'],
    },
    {
      name: 'POST privacy-request resolve',
      method: 'post',
      target: async (x) => {
        const r = await t.db.getRepository(PrivacyRequest).save({
          accountId: x.callers.apprentice.accountId,
          studioId: x.studioId,
          kind: 'correction',
          status: 'open',
          message: '请更正',
          outcome: null,
          createdAt: new Date(),
          resolvedAt: null,
          resolvedBy: null,
          resolution: null,
        });
        return { path: `${s(x)}/privacy-requests/${r.id}/resolve`, body: { resolution: '已更正' } };
      },
      allowed: ['leader'],
    },
    {
      name: 'DELETE invitation (apprentice)',
      method: 'delete',
      target: async (x) => ({
        path: `/api/invitations/${(await issueInvitation(t.db.manager, { role: 'apprentice', jurisdictionId: x.jurisdictionId, unitId: null, studioId: x.studioId, teamMemberId: null, apprenticeId: x.apprenticeId }, null)).invitation.id}`,
      }),
      allowed: ['leader'],
    },
    {
      name: 'DELETE invitation (unit contact)',
      method: 'delete',
      target: async (x) => ({
        path: `/api/invitations/${(await issueInvitation(t.db.manager, { role: 'unit_contact', jurisdictionId: x.jurisdictionId, unitId: x.unitId, studioId: null, teamMemberId: null, apprenticeId: null }, null)).invitation.id}`,
      }),
      allowed: ['reviewer'],
      denied: UNIT_HIDDEN,
    },
    // Evidence (server/src/evidence); the multipart upload and DELETE are in evidence.int-spec.ts.
    {
      name: 'GET evidence',
      method: 'get',
      target: (x) => ({ path: `${s(x)}/evidence` }),
      allowed: READ,
    },
    {
      name: 'GET evidence usage',
      method: 'get',
      target: (x) => ({ path: `${s(x)}/evidence/usage` }),
      allowed: READ,
    },
    {
      name: 'GET evidence assessment',
      method: 'get',
      target: (x) => ({ path: `${s(x)}/evidence/assessment` }),
      allowed: READ,
    },
    {
      name: 'PUT evidence settings',
      method: 'put',
      target: (x) => ({ path: `${s(x)}/evidence/settings`, body: { keepPhotoMetadata: false } }),
      allowed: EDIT,
    },
  ];
  const bodies: Record<string, object> = {
    members: { name: '新成员', skillLevel: 'technician', fullTime: true },
    apprentices: { name: '新徒弟', joinedOn: '2025-08-01' },
    certificates: {}, // filled per tenant
    activities: { kind: 'training', title: '新培训', date: '2025-08-01' },
    achievements: { kind: 'award', level: 'city', title: '新奖项', date: '2025-08-01' },
    funds: { direction: 'spending', category: '耗材', amount: 200, date: '2025-08-01' },
    documents: { kind: 'mentoring_plan', year: 2025, submittedOn: '2025-01-10' },
  };
  const idOf: Record<string, (x: Tenant) => number> = {
    members: (x) => x.memberId,
    apprentices: (x) => x.apprenticeId,
    certificates: (x) => x.certificateId,
    activities: (x) => x.activityId,
    achievements: (x) => x.achievementId,
    funds: (x) => x.fundId,
    documents: (x) => x.documentId,
  };
  const freshOf: Record<string, (x: Tenant) => Promise<number>> = {
    members: fresh.member,
    apprentices: fresh.apprentice,
    certificates: fresh.certificate,
    activities: fresh.activity,
    achievements: fresh.achievement,
    funds: fresh.fund,
    documents: fresh.document,
  };
  const patchOf: Record<string, object> = {
    members: { yearsInTrade: 9 },
    apprentices: { agreementSignedOn: '2025-03-11' },
    certificates: { number: 'NO-1' },
    activities: { location: '二车间' },
    achievements: { title: '改名' },
    funds: { note: '备注' },
    documents: { title: '标题' },
  };
  for (const coll of Object.keys(bodies)) {
    const body = (x: Tenant) =>
      coll === 'certificates'
        ? { apprenticeId: x.apprenticeId, level: 'senior', awardedOn: '2025-10-02' }
        : bodies[coll];
    endpoints.push(
      {
        name: `GET ${coll}`,
        method: 'get',
        target: (x) => ({ path: `${s(x)}/${coll}` }),
        allowed: coll === 'activities' ? VIEW : READ,
      },
      {
        name: `GET one of ${coll}`,
        method: 'get',
        target: (x) => ({ path: `${s(x)}/${coll}/${(idOf[coll] as (x: Tenant) => number)(x)}` }),
        allowed: coll === 'activities' ? VIEW : READ,
      },
      {
        name: `POST ${coll}`,
        method: 'post',
        target: (x) => ({ path: `${s(x)}/${coll}`, body: body(x) }),
        allowed: EDIT,
      },
      {
        name: `PATCH ${coll}`,
        method: 'patch',
        target: (x) => ({
          path: `${s(x)}/${coll}/${(idOf[coll] as (x: Tenant) => number)(x)}`,
          body: patchOf[coll],
        }),
        allowed: EDIT,
      },
      {
        name: `DELETE ${coll}`,
        method: 'delete',
        target: async (x) => ({
          path: `${s(x)}/${coll}/${await (freshOf[coll] as (x: Tenant) => Promise<number>)(x)}`,
        }),
        allowed: EDIT,
      },
    );
  }

  // Runs before the matrix: POST studio adds studios to the own tenant.
  it('lists only the studios of the caller tenants', async () => {
    for (const role of ROLES) {
      const res = await request(t.http)
        .get('/api/studios')
        .set('authorization', `Bearer ${t.token(own.callers[role])}`)
        .expect(200);
      expect((res.body as { items: { id: number }[] }).items.map((i) => i.id)).toEqual([
        own.studioId,
      ]);
    }
  });

  it.each(endpoints.map((e) => [e.name, e] as const))('%s', async (_name, e) => {
    const seen: string[] = [];
    for (const role of ROLES) {
      for (const [which, tenant] of [
        ['own', own],
        ['other', other],
      ] as const) {
        const caller = own.callers[role];
        const { path, body } = await e.target(tenant);
        const client = request(t.http);
        let req = client[e.method](path).set('authorization', `Bearer ${t.token(caller)}`);
        if (body) req = req.send(body);
        const res = await req;
        const expected =
          which === 'other' ? '404' : e.allowed.includes(role) ? '2xx' : String(deniedFor(e, role));
        const got = res.status >= 200 && res.status < 300 ? '2xx' : String(res.status);
        seen.push(
          `${role}/${which}: ${got}${got === expected ? '' : ` (expected ${expected}: ${JSON.stringify(res.body)})`}`,
        );
        if (got === '404')
          expect((res.body as { message: string }).message).not.toMatch(
            new RegExp(tenant === other ? '乙' : '^$'),
          );
      }
    }
    const expectedAll = ROLES.flatMap((role) => [
      `${role}/own: ${e.allowed.includes(role) ? '2xx' : String(deniedFor(e, role))}`,
      `${role}/other: 404`,
    ]);
    expect(seen).toEqual(expectedAll);
  });

  it('answers 404 the same way for a missing studio and another tenant studio', async () => {
    const tok = t.token(own.callers.leader);
    const missing = await request(t.http)
      .get('/api/studios/999999/funds')
      .set('authorization', `Bearer ${tok}`)
      .expect(404);
    const hidden = await request(t.http)
      .get(`/api/studios/${other.studioId}/funds`)
      .set('authorization', `Bearer ${tok}`)
      .expect(404);
    expect(hidden.body).toEqual(missing.body);
  });

  it('takes the union of roles: a leader here who is an apprentice elsewhere edits only here', async () => {
    // A grant counts only while the account holds it (role row), so the second role is stored too.
    const extra = {
      role: 'apprentice' as const,
      studioId: other.studioId,
      apprenticeId: other.apprenticeId,
    };
    await t.db.getRepository(RoleMembership).insert({
      accountId: own.callers.leader.accountId,
      role: 'apprentice',
      studioId: other.studioId,
      unitId: null,
      jurisdictionId: null,
      apprenticeId: other.apprenticeId,
      teamMemberId: null,
    });
    const both = { ...own.callers.leader, grants: [...own.callers.leader.grants, extra] };
    await request(t.http)
      .get(`/api/studios/${other.studioId}`)
      .set('authorization', `Bearer ${t.token(both)}`)
      .expect(200);
    await request(t.http)
      .get(`/api/studios/${other.studioId}/funds`)
      .set('authorization', `Bearer ${t.token(both)}`)
      .expect(403);
    await request(t.http)
      .get(`/api/studios/${own.studioId}/funds`)
      .set('authorization', `Bearer ${t.token(both)}`)
      .expect(200);
  });
});
