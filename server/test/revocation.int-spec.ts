import request from 'supertest';
import { RoleMembership } from '../src/accounts/role-membership.entity';
import { runAdmin } from '../src/admin/admin-cli';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import type { Caller } from '../src/auth/caller';
import { makeAccount, makeTenant, type Tenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

interface Grants {
  items: { id: number; role: string; accountId: number; memberId: number | null }[];
}

/** Every grant holds only while its role row exists (issue 10 item 1). */
describe('role revocation is immediate', () => {
  let t: TestApp;
  let own: Tenant;
  let other: Tenant;
  const bearer = (c: Caller): string => `Bearer ${t.token(c)}`;
  const roleIdOf = async (c: Caller): Promise<number> =>
    (await t.db.getRepository(RoleMembership).findOneByOrFail({ accountId: c.accountId })).id;

  beforeAll(async () => {
    t = await startTestApp();
    own = await makeTenant(t.db, '革');
    other = await makeTenant(t.db, '鼎');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a redeemed unit contact whose role row is deleted loses the dashboard and sign-offs with the same token', async () => {
    const reviewerTok = bearer(own.callers.reviewer);
    const inv = await request(t.http)
      .post('/api/invitations')
      .set('authorization', reviewerTok)
      .send({ role: 'unit_contact', unitId: own.unitId })
      .expect(201);
    const newcomer = await makeAccount(t.db.manager, '新联系人', null, []);
    const signed = await request(t.http)
      .post('/api/auth/redeem')
      .set('authorization', bearer(newcomer))
      .send({ code: (inv.body as { code: string }).code })
      .expect(200);
    const tok = `Bearer ${(signed.body as { accessToken: string }).accessToken}`;
    await request(t.http)
      .get(`/api/dashboards/unit/${own.unitId}?asOf=2025-12-31`)
      .set('authorization', tok)
      .expect(200);
    await t.db.getRepository(RoleMembership).delete({ accountId: newcomer.accountId });
    await request(t.http)
      .get(`/api/dashboards/unit/${own.unitId}?asOf=2025-12-31`)
      .set('authorization', tok)
      .expect(404);
    await request(t.http)
      .post(`/api/studios/${own.studioId}/signoffs`)
      .set('authorization', tok)
      .send({ recordType: 'fund', recordId: own.fundId })
      .expect(404);
  });

  it('a reviewer removes the studio leader: the old token stops at once, and the removal is audited', async () => {
    const leader = own.callers.leader;
    await request(t.http)
      .get(`/api/studios/${own.studioId}/funds`)
      .set('authorization', bearer(leader))
      .expect(200);
    const listed = await request(t.http)
      .get(`/api/studios/${own.studioId}/roles`)
      .set('authorization', bearer(own.callers.reviewer))
      .expect(200);
    const grant = (listed.body as Grants).items.find((g) => g.accountId === leader.accountId);
    expect(grant).toMatchObject({ role: 'leader' });
    // Neither another tenant's reviewer nor the studio's own member may remove it.
    const hidden = await request(t.http)
      .delete(`/api/roles/${grant?.id}`)
      .set('authorization', bearer(other.callers.reviewer))
      .expect(404);
    const missing = await request(t.http)
      .delete('/api/roles/999999')
      .set('authorization', bearer(other.callers.reviewer))
      .expect(404);
    expect(hidden.body).toEqual(missing.body);
    await request(t.http)
      .delete(`/api/roles/${grant?.id}`)
      .set('authorization', bearer(own.callers.member))
      .expect(403);
    await request(t.http)
      .delete(`/api/roles/${grant?.id}`)
      .set('authorization', bearer(own.callers.reviewer))
      .expect(204);
    await request(t.http)
      .get(`/api/studios/${own.studioId}/funds`)
      .set('authorization', bearer(leader))
      .expect(404);
    await request(t.http)
      .patch(`/api/studios/${own.studioId}`)
      .set('authorization', bearer(leader))
      .send({ hasSign: true })
      .expect(404);
    const audit = await t.db
      .getRepository(AuditEntry)
      .findOneByOrFail({ recordType: 'role', recordId: grant?.id });
    expect(audit).toMatchObject({
      action: 'delete',
      accountId: own.callers.reviewer.accountId,
      studioId: own.studioId,
    });
  });

  it('a reviewer removes a unit contact; a leader removes a member', async () => {
    const contact = other.callers.unit_contact;
    const units = await request(t.http)
      .get(`/api/units/${other.unitId}/roles`)
      .set('authorization', bearer(other.callers.reviewer))
      .expect(200);
    expect((units.body as Grants).items.map((g) => g.accountId)).toEqual([contact.accountId]);
    await request(t.http)
      .get(`/api/units/${other.unitId}/roles`)
      .set('authorization', bearer(contact))
      .expect(403);
    await request(t.http)
      .delete(`/api/roles/${await roleIdOf(contact)}`)
      .set('authorization', bearer(contact))
      .expect(403);
    await request(t.http)
      .delete(`/api/roles/${await roleIdOf(contact)}`)
      .set('authorization', bearer(other.callers.reviewer))
      .expect(204);
    await request(t.http)
      .get(`/api/dashboards/unit/${other.unitId}`)
      .set('authorization', bearer(contact))
      .expect(404);

    const member = other.callers.member;
    const staff = await request(t.http)
      .get(`/api/studios/${other.studioId}/roles`)
      .set('authorization', bearer(other.callers.leader))
      .expect(200);
    expect((staff.body as Grants).items.map((g) => g.role).sort()).toEqual([
      'apprentice',
      'member',
    ]);
    await request(t.http)
      .delete(`/api/roles/${await roleIdOf(member)}`)
      .set('authorization', bearer(other.callers.leader))
      .expect(204);
    await request(t.http)
      .get(`/api/studios/${other.studioId}/funds`)
      .set('authorization', bearer(member))
      .expect(404);
    // The team-member record stays: only the access went.
    await request(t.http)
      .get(`/api/studios/${other.studioId}/members/${other.memberId}`)
      .set('authorization', bearer(other.callers.leader))
      .expect(200);
    expect(
      await t.db.getRepository(AuditEntry).countBy({ recordType: 'role', action: 'delete' }),
    ).toBe(3);
  });

  it('a reviewer cannot remove a reviewer through the API; the operator CLI does, at once', async () => {
    const reviewer = own.callers.reviewer;
    const id = await roleIdOf(reviewer);
    await request(t.http)
      .delete(`/api/roles/${id}`)
      .set('authorization', bearer(reviewer))
      .expect(403);
    await request(t.http)
      .get(`/api/dashboards/jurisdiction/${own.jurisdictionId}?asOf=2025-12-31`)
      .set('authorization', bearer(reviewer))
      .expect(200);
    const lines: string[] = [];
    await runAdmin(t.db, ['list-reviewers', '--jurisdiction', String(own.jurisdictionId)], (l) =>
      lines.push(l),
    );
    expect(lines).toEqual([`${id}\taccount ${reviewer.accountId}\t革评审`]);
    await runAdmin(t.db, ['remove-reviewer', '--role', String(id)], (l) => lines.push(l));
    await request(t.http)
      .get(`/api/dashboards/jurisdiction/${own.jurisdictionId}?asOf=2025-12-31`)
      .set('authorization', bearer(reviewer))
      .expect(404);
    await expect(
      runAdmin(t.db, ['remove-reviewer', '--role', String(id)], () => undefined),
    ).rejects.toThrow(/no reviewer role/);
  });
});
