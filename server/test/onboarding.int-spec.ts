import request from 'supertest';
import { Account } from '../src/accounts/account.entity';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { Invitation } from '../src/invitations/invitation.entity';
import { hashCode } from '../src/invitations/invitation-code';
import { runAdmin } from '../src/admin/admin-cli';
import { makeAccount, makeTenant, type Tenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';
import type { Caller } from '../src/auth/caller';

interface SignIn {
  accessToken: string;
  account: { id: number; name: string; personId: number | null };
  roles: {
    role: string;
    studioId?: number;
    unitId?: number;
    jurisdictionId?: number;
    apprenticeId?: number;
  }[];
}
interface Created {
  id: number;
  code: string;
  role: string;
  status: string;
  inviteeName: string | null;
  expiresAt: string;
  createdAt: string;
}

const leaderBody = {
  name: '周志强',
  birthDate: '1976-04-12',
  retirementCategory: 'male',
  skillLevel: 'senior_technician',
  fullTime: true,
};

describe('onboarding: units, studios, invitations, redeem', () => {
  let t: TestApp;
  let own: Tenant;
  let other: Tenant;
  const bearer = (c: Caller): string => `Bearer ${t.token(c)}`;
  /** A signed-in account with no roles yet (like a first WeChat sign-in). */
  const newcomer = async (name = '微信用户'): Promise<Caller> =>
    makeAccount(t.db.manager, name, null, []);
  const invite = async (by: Caller, body: object, status = 201): Promise<Created> =>
    (
      await request(t.http)
        .post('/api/invitations')
        .set('authorization', bearer(by))
        .send(body)
        .expect(status)
    ).body as Created;
  const redeem = (by: Caller, code: string) =>
    request(t.http).post('/api/auth/redeem').set('authorization', bearer(by)).send({ code });

  beforeAll(async () => {
    t = await startTestApp();
    own = await makeTenant(t.db, '甲');
    other = await makeTenant(t.db, '乙', 'gongshu-2020');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('POST /units and GET /units', () => {
    it('lets a reviewer add a unit to its jurisdiction (audited) and lists units by scope', async () => {
      const res = await request(t.http)
        .post('/api/units')
        .set('authorization', bearer(own.callers.reviewer))
        .send({ jurisdictionId: own.jurisdictionId, name: ' 甲市第二技工学校 ' })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        name: '甲市第二技工学校',
        jurisdiction: { id: own.jurisdictionId, name: '甲市', policyId: 'urumqi-2023' },
        studioCount: 0,
      });
      const audit = await t.db
        .getRepository(AuditEntry)
        .findOneByOrFail({ recordType: 'unit', recordId: (res.body as { id: number }).id });
      expect(audit).toMatchObject({
        studioId: null,
        accountId: own.callers.reviewer.accountId,
        action: 'create',
      });

      const reviewerList = await request(t.http)
        .get('/api/units')
        .set('authorization', bearer(own.callers.reviewer))
        .expect(200);
      expect((reviewerList.body as { items: { name: string }[] }).items.map((u) => u.name)).toEqual(
        ['甲机械有限公司', '甲市第二技工学校'],
      );
      const contactList = await request(t.http)
        .get('/api/units')
        .set('authorization', bearer(own.callers.unit_contact))
        .expect(200);
      expect((contactList.body as { items: { id: number; studioCount: number }[] }).items).toEqual([
        expect.objectContaining({ id: own.unitId, studioCount: 1 }),
      ]);
      const leaderList = await request(t.http)
        .get('/api/units')
        .set('authorization', bearer(own.callers.leader))
        .expect(200);
      expect(leaderList.body).toMatchObject({ items: [], total: 0 });
    });

    it('refuses bad input per field in Chinese, other roles 403, another jurisdiction 404', async () => {
      const bad = await request(t.http)
        .post('/api/units')
        .set('authorization', bearer(own.callers.reviewer))
        .send({ jurisdictionId: 'x', name: '', extra: 1 })
        .expect(400);
      expect((bad.body as { fields: Record<string, string> }).fields).toEqual({
        jurisdictionId: expect.stringMatching(/辖区编号/),
        name: '请填写单位名称',
        extra: '不支持的字段',
      });
      await request(t.http)
        .post('/api/units')
        .set('authorization', bearer(own.callers.leader))
        .send({ jurisdictionId: own.jurisdictionId, name: '某单位' })
        .expect(403);
      await request(t.http)
        .post('/api/units')
        .set('authorization', bearer(own.callers.reviewer))
        .send({ jurisdictionId: other.jurisdictionId, name: '某单位' })
        .expect(404);
    });
  });

  describe('POST /studios', () => {
    it('creates a studio under the jurisdiction policy with its leader, audited', async () => {
      const res = await request(t.http)
        .post('/api/studios')
        .set('authorization', bearer(own.callers.reviewer))
        .send({
          unitId: own.unitId,
          name: '周志强钳工技能大师工作室',
          trade: '钳工',
          recognizedOn: '2025-06-01',
          leader: leaderBody,
        })
        .expect(201);
      expect(res.body).toMatchObject({
        name: '周志强钳工技能大师工作室',
        trade: '钳工',
        status: 'active',
        recognizedOn: '2025-06-01',
        unit: { id: own.unitId },
        jurisdiction: { id: own.jurisdictionId, policyId: 'urumqi-2023' },
        leader: {
          name: '周志强',
          birthDate: '1976-04-12',
          retirementCategory: 'male',
          skillLevel: 'senior_technician',
          fullTime: true,
        },
        areaSqm: null,
      });
      const id = (res.body as { id: number }).id;
      expect(
        await t.db
          .getRepository(AuditEntry)
          .countBy({ studioId: id, recordType: 'studio', action: 'create' }),
      ).toBe(1);
      // The new studio is evaluated under the jurisdiction's policy right away.
      await request(t.http)
        .get(`/api/studios/${id}/progress?asOf=2025-12-31`)
        .set('authorization', bearer(own.callers.reviewer))
        .expect(200);
    });

    it('names each bad field in Chinese, including the nested leader', async () => {
      const res = await request(t.http)
        .post('/api/studios')
        .set('authorization', bearer(own.callers.reviewer))
        .send({
          unitId: 0,
          name: '',
          trade: '钳工',
          recognizedOn: '2025-02-30',
          leader: { ...leaderBody, birthDate: '1976/04/12', skillLevel: 'master', fullTime: 'yes' },
        })
        .expect(400);
      expect((res.body as { fields: Record<string, string> }).fields).toEqual({
        unitId: '单位编号必须是正整数',
        name: '请填写工作室名称',
        recognizedOn: '认定日期格式应为 YYYY-MM-DD',
        'leader.birthDate': '领办人出生日期格式应为 YYYY-MM-DD',
        'leader.skillLevel': expect.stringMatching(/^领办人技能等级应为以下之一/),
        'leader.fullTime': '领办人是否全职须为是或否',
      });
      const missing = await request(t.http)
        .post('/api/studios')
        .set('authorization', bearer(own.callers.reviewer))
        .send({ unitId: own.unitId, name: 'x', trade: 'y', recognizedOn: '2025-01-01' })
        .expect(400);
      expect((missing.body as { fields: Record<string, string> }).fields.leader).toBe(
        '请填写领办人信息',
      );
    });

    it('is the reviewer job: the unit contact gets 403, a leader and another jurisdiction 404', async () => {
      const body = {
        unitId: own.unitId,
        name: '某工作室',
        trade: '焊工',
        recognizedOn: '2025-01-01',
        leader: leaderBody,
      };
      await request(t.http)
        .post('/api/studios')
        .set('authorization', bearer(own.callers.unit_contact))
        .send(body)
        .expect(403);
      await request(t.http)
        .post('/api/studios')
        .set('authorization', bearer(own.callers.leader))
        .send(body)
        .expect(404);
      await request(t.http)
        .post('/api/studios')
        .set('authorization', bearer(other.callers.reviewer))
        .send(body)
        .expect(404);
    });
  });

  describe('invitations, every kind, end to end', () => {
    it('reviewer → leader: the newcomer becomes the leader, linked to the leader person, and can edit the studio', async () => {
      const created = (
        await request(t.http)
          .post('/api/studios')
          .set('authorization', bearer(own.callers.reviewer))
          .send({
            unitId: own.unitId,
            name: '新工作室',
            trade: '电工',
            recognizedOn: '2025-05-01',
            leader: { ...leaderBody, name: '吴新' },
          })
          .expect(201)
      ).body as { id: number; leader: { personId: number } };
      const inv = await invite(own.callers.reviewer, { role: 'leader', studioId: created.id });
      expect(inv).toMatchObject({
        code: expect.stringMatching(/^[A-HJKMNP-Z2-9]{8}$/),
        role: 'leader',
        status: 'pending',
        inviteeName: '吴新',
        studioId: created.id,
      });
      expect(new Date(inv.expiresAt).getTime() - new Date(inv.createdAt).getTime()).toBe(
        7 * 24 * 3600 * 1000,
      );
      const stored = await t.db.getRepository(Invitation).findOneByOrFail({ id: inv.id });
      expect(stored.codeHash).toBe(hashCode(inv.code));
      expect(JSON.stringify(stored)).not.toContain(inv.code);

      const pending = await request(t.http)
        .get(`/api/invitations?studioId=${created.id}`)
        .set('authorization', bearer(own.callers.reviewer))
        .expect(200);
      expect((pending.body as { items: { id: number; code?: string }[] }).items).toEqual([
        expect.objectContaining({ id: inv.id, status: 'pending' }),
      ]);
      expect((pending.body as { items: { code?: string }[] }).items[0]?.code).toBeUndefined();

      const who = await newcomer();
      const res = await redeem(who, inv.code.toLowerCase().replace(/(....)/, '$1-')).expect(200);
      const body = res.body as SignIn;
      expect(body).toMatchObject({
        accessToken: expect.any(String),
        expiresIn: 7200,
        account: { id: who.accountId, name: '吴新', personId: created.leader.personId },
        roles: [{ role: 'leader', studioId: created.id, studioName: '新工作室' }],
      });
      // The fresh token carries the role: the new leader edits its studio and sees no other.
      await request(t.http)
        .patch(`/api/studios/${created.id}`)
        .set('authorization', `Bearer ${body.accessToken}`)
        .send({ areaSqm: 50 })
        .expect(200);
      await request(t.http)
        .get(`/api/studios/${own.studioId}`)
        .set('authorization', `Bearer ${body.accessToken}`)
        .expect(404);
      const list = await request(t.http)
        .get('/api/studios')
        .set('authorization', `Bearer ${body.accessToken}`)
        .expect(200);
      expect((list.body as { items: { id: number }[] }).items.map((s) => s.id)).toEqual([
        created.id,
      ]);
      const after = await request(t.http)
        .get(`/api/invitations?studioId=${created.id}`)
        .set('authorization', bearer(own.callers.reviewer))
        .expect(200);
      expect(after.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
      expect(
        await t.db
          .getRepository(AuditEntry)
          .countBy({ recordType: 'invitation', recordId: inv.id }),
      ).toBe(2); // create + redeem
    });

    it('reviewer → unit contact: reads the unit dashboard, signs off, cannot edit', async () => {
      const inv = await invite(own.callers.reviewer, { role: 'unit_contact', unitId: own.unitId });
      expect(inv).toMatchObject({
        role: 'unit_contact',
        unitName: '甲机械有限公司',
        inviteeName: null,
      });
      const listed = await request(t.http)
        .get(`/api/invitations?unitId=${own.unitId}`)
        .set('authorization', bearer(own.callers.reviewer))
        .expect(200);
      expect((listed.body as { items: { id: number }[] }).items.map((i) => i.id)).toEqual([inv.id]);
      const body = (await redeem(await newcomer(), inv.code).expect(200)).body as SignIn;
      expect(body.roles).toEqual([
        { role: 'unit_contact', unitId: own.unitId, unitName: '甲机械有限公司' },
      ]);
      expect(body.account.personId).toBeNull();
      const tok = `Bearer ${body.accessToken}`;
      await request(t.http)
        .get(`/api/dashboards/unit/${own.unitId}?asOf=2025-12-31`)
        .set('authorization', tok)
        .expect(200);
      await request(t.http)
        .post(`/api/studios/${own.studioId}/signoffs`)
        .set('authorization', tok)
        .send({ recordType: 'fund', recordId: own.fundId })
        .expect(201);
      await request(t.http)
        .post(`/api/studios/${own.studioId}/funds`)
        .set('authorization', tok)
        .send({ direction: 'spending', category: '耗材', amount: 1, date: '2025-08-01' })
        .expect(403);
      await request(t.http)
        .get(`/api/studios/${other.studioId}`)
        .set('authorization', tok)
        .expect(404);
    });

    it('leader → member: bound to the team-member person, edits records, cannot judge', async () => {
      const inv = await invite(own.callers.leader, {
        role: 'member',
        studioId: own.studioId,
        memberId: own.memberId,
      });
      expect(inv).toMatchObject({ role: 'member', memberId: own.memberId, inviteeName: '甲李' });
      const body = (await redeem(await newcomer(), inv.code).expect(200)).body as SignIn;
      const memberPerson = (await t.db.query('SELECT person_id FROM team_members WHERE id = ?', [
        own.memberId,
      ])) as { person_id: number }[];
      expect(body).toMatchObject({
        account: { name: '甲李', personId: Number(memberPerson[0]?.person_id) },
        roles: [{ role: 'member', studioId: own.studioId }],
      });
      const tok = `Bearer ${body.accessToken}`;
      await request(t.http)
        .post(`/api/studios/${own.studioId}/activities`)
        .set('authorization', tok)
        .send({ kind: 'training', title: '新成员的培训', date: '2025-08-02' })
        .expect(201);
      await request(t.http)
        .put(`/api/studios/${own.studioId}/judgments/U10`)
        .set('authorization', tok)
        .send({ score: 1 })
        .expect(403);
    });

    it('leader → apprentice: bound to the apprentice record, sees its own certificates, cannot read the archive', async () => {
      const inv = await invite(own.callers.leader, {
        role: 'apprentice',
        studioId: own.studioId,
        apprenticeId: own.apprenticeId,
      });
      expect(inv).toMatchObject({
        role: 'apprentice',
        apprenticeId: own.apprenticeId,
        inviteeName: '甲王',
      });
      const body = (await redeem(await newcomer(), inv.code).expect(200)).body as SignIn;
      expect(body).toMatchObject({
        account: { name: '甲王', personId: own.apprenticePersonId },
        roles: [{ role: 'apprentice', studioId: own.studioId, apprenticeId: own.apprenticeId }],
      });
      const tok = `Bearer ${body.accessToken}`;
      await request(t.http)
        .get(`/api/studios/${own.studioId}`)
        .set('authorization', tok)
        .expect(200);
      await request(t.http)
        .get(`/api/studios/${own.studioId}/funds`)
        .set('authorization', tok)
        .expect(403);
      const mine = await request(t.http)
        .get('/api/me/certificates')
        .set('authorization', tok)
        .expect(200);
      expect((mine.body as { items: unknown[] }).items).toHaveLength(1);
    });

    it('operator CLI → reviewer: creates a jurisdiction and a reviewer code that works', async () => {
      const lines: string[] = [];
      await runAdmin(
        t.db,
        ['--', 'create-jurisdiction', '--name', '丙市', '--policy', 'shunyi-2023'],
        (l) => lines.push(l),
      );
      const jid = Number(/jurisdiction (\d+)/.exec(lines[0] ?? '')?.[1]);
      await runAdmin(t.db, ['invite-reviewer', '--jurisdiction', String(jid)], (l) =>
        lines.push(l),
      );
      const code = /: ([A-Z2-9]{8})$/.exec(lines[1] ?? '')?.[1] ?? '';
      const body = (await redeem(await newcomer(), code).expect(200)).body as SignIn;
      expect(body.roles).toEqual([
        { role: 'reviewer', jurisdictionId: jid, jurisdictionName: '丙市' },
      ]);
      const unit = await request(t.http)
        .post('/api/units')
        .set('authorization', `Bearer ${body.accessToken}`)
        .send({ jurisdictionId: jid, name: '丙市第一单位' })
        .expect(201);
      expect(unit.body).toMatchObject({ jurisdiction: { id: jid, policyId: 'shunyi-2023' } });
      await expect(
        runAdmin(
          t.db,
          ['create-jurisdiction', '--name', '丁市', '--policy', 'nowhere-1999'],
          () => undefined,
        ),
      ).rejects.toThrow(/--policy must be one of/);
    });
  });

  describe('refusals', () => {
    it('only the right role may invite: 403 inside the tenant, 404 outside, 400 on a missing record id', async () => {
      await invite(own.callers.leader, { role: 'leader', studioId: own.studioId }, 403);
      await invite(
        own.callers.member,
        { role: 'apprentice', studioId: own.studioId, apprenticeId: own.apprenticeId },
        403,
      );
      await invite(
        own.callers.reviewer,
        { role: 'member', studioId: own.studioId, memberId: own.memberId },
        403,
      );
      await invite(own.callers.unit_contact, { role: 'unit_contact', unitId: own.unitId }, 403);
      await invite(own.callers.reviewer, { role: 'leader', studioId: other.studioId }, 404);
      await invite(own.callers.reviewer, { role: 'unit_contact', unitId: other.unitId }, 404);
      await invite(
        own.callers.leader,
        { role: 'apprentice', studioId: own.studioId, apprenticeId: other.apprenticeId },
        404,
      );
      await invite(
        own.callers.leader,
        { role: 'member', studioId: other.studioId, memberId: other.memberId },
        404,
      );
      const bad = (await invite(
        own.callers.leader,
        { role: 'member', studioId: own.studioId },
        400,
      )) as unknown as { fields: Record<string, string> };
      expect(bad.fields).toEqual({ memberId: expect.stringMatching(/^团队成员编号/) });
      const badRole = (await invite(
        own.callers.reviewer,
        { role: 'reviewer' },
        400,
      )) as unknown as { fields: Record<string, string> };
      expect(badRole.fields.role).toMatch(/^邀请的角色应为以下之一/);
      await request(t.http)
        .get(`/api/invitations?studioId=${own.studioId}`)
        .set('authorization', bearer(own.callers.member))
        .expect(403);
      await request(t.http)
        .get(`/api/invitations?studioId=${other.studioId}`)
        .set('authorization', bearer(own.callers.leader))
        .expect(404);
      await request(t.http)
        .get('/api/invitations')
        .set('authorization', bearer(own.callers.leader))
        .expect(400);
    });

    it('refuses unknown, malformed, used, expired and revoked codes with clear Chinese messages', async () => {
      const who = await newcomer();
      expect((await redeem(who, 'ABCDEFGH').expect(404)).body).toEqual({
        code: 'INVITATION_NOT_FOUND',
        message: expect.stringMatching(/邀请码不存在/),
      });
      expect((await redeem(who, '0000').expect(404)).body).toMatchObject({
        code: 'INVITATION_NOT_FOUND',
      });
      expect((await redeem(who, '').expect(400)).body).toMatchObject({
        fields: { code: '请输入邀请码' },
      });

      const used = await invite(own.callers.reviewer, { role: 'unit_contact', unitId: own.unitId });
      await redeem(await newcomer(), used.code).expect(200);
      expect((await redeem(who, used.code).expect(409)).body).toEqual({
        code: 'INVITATION_USED',
        message: expect.stringMatching(/已被使用/),
      });

      const expired = await invite(own.callers.reviewer, {
        role: 'unit_contact',
        unitId: own.unitId,
      });
      await t.db
        .getRepository(Invitation)
        .update({ id: expired.id }, { expiresAt: new Date(Date.now() - 1000) });
      expect((await redeem(who, expired.code).expect(410)).body).toEqual({
        code: 'INVITATION_EXPIRED',
        message: expect.stringMatching(/已过期/),
      });

      const revoked = await invite(own.callers.reviewer, {
        role: 'unit_contact',
        unitId: own.unitId,
      });
      await request(t.http)
        .delete(`/api/invitations/${revoked.id}`)
        .set('authorization', bearer(own.callers.leader))
        .expect(404);
      await request(t.http)
        .delete(`/api/invitations/${revoked.id}`)
        .set('authorization', bearer(own.callers.unit_contact))
        .expect(403);
      await request(t.http)
        .delete(`/api/invitations/${revoked.id}`)
        .set('authorization', bearer(other.callers.reviewer))
        .expect(404);
      await request(t.http)
        .delete(`/api/invitations/${revoked.id}`)
        .set('authorization', bearer(own.callers.reviewer))
        .expect(204);
      expect((await redeem(who, revoked.code).expect(410)).body).toEqual({
        code: 'INVITATION_REVOKED',
        message: expect.stringMatching(/已被撤销/),
      });
      await request(t.http)
        .delete(`/api/invitations/${used.id}`)
        .set('authorization', bearer(own.callers.reviewer))
        .expect(409);
      expect(
        (await request(t.http).get('/api/me').set('authorization', bearer(who)).expect(200)).body,
      ).toMatchObject({ roles: [] });
    });

    it('a leader revokes the member invitations of its studio, not the leader one', async () => {
      const mine = await invite(own.callers.leader, {
        role: 'apprentice',
        studioId: own.studioId,
        apprenticeId: own.apprenticeId,
      });
      const bureau = await invite(own.callers.reviewer, { role: 'leader', studioId: own.studioId });
      const listed = await request(t.http)
        .get(`/api/invitations?studioId=${own.studioId}`)
        .set('authorization', bearer(own.callers.leader))
        .expect(200);
      expect((listed.body as { items: { id: number }[] }).items.map((i) => i.id)).toEqual([
        mine.id,
      ]);
      await request(t.http)
        .delete(`/api/invitations/${bureau.id}`)
        .set('authorization', bearer(own.callers.leader))
        .expect(403);
      await request(t.http)
        .delete(`/api/invitations/${mine.id}`)
        .set('authorization', bearer(own.callers.leader))
        .expect(204);
      await request(t.http)
        .delete(`/api/invitations/${mine.id}`)
        .set('authorization', bearer(own.callers.leader))
        .expect(204);
    });

    it('does not bind an account that is already another person, nor grant a role twice (the code stays usable)', async () => {
      const inv = await invite(own.callers.leader, {
        role: 'apprentice',
        studioId: own.studioId,
        apprenticeId: own.apprenticeId,
      });
      expect((await redeem(own.callers.member, inv.code).expect(409)).body).toMatchObject({
        code: 'ACCOUNT_LINKED_TO_OTHER_PERSON',
        message: expect.stringMatching(/另一位人员/),
      });
      const contact = await invite(own.callers.reviewer, {
        role: 'unit_contact',
        unitId: own.unitId,
      });
      await redeem(own.callers.unit_contact, contact.code).expect(409);
      expect(
        (await t.db.getRepository(Invitation).findOneByOrFail({ id: contact.id })).usedAt,
      ).toBeNull();
    });

    it('one code, two accounts redeeming at once: exactly one wins', async () => {
      const inv = await invite(own.callers.reviewer, { role: 'unit_contact', unitId: own.unitId });
      const [a, b] = [await newcomer(), await newcomer()];
      const results = await Promise.all([redeem(a, inv.code), redeem(b, inv.code)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const roles = (await t.db.query(
        'SELECT account_id FROM role_memberships WHERE account_id IN (?, ?)',
        [a.accountId, b.accountId],
      )) as unknown[];
      expect(roles).toHaveLength(1);
      const stored = await t.db.getRepository(Invitation).findOneByOrFail({ id: inv.id });
      expect([a.accountId, b.accountId]).toContain(stored.usedBy);
    });

    it('rate-limits redeeming per account like sign-in', async () => {
      const limited = await startTestApp({ THROTTLE_SIGNIN_PER_MINUTE: '2' });
      try {
        const who = await makeAccount(limited.db.manager, '微信用户', null, []);
        const go = () =>
          request(limited.http)
            .post('/api/auth/redeem')
            .set('authorization', `Bearer ${limited.token(who)}`)
            .send({ code: 'ABCDEFGH' });
        await go().expect(404);
        await go().expect(404);
        expect((await go().expect(429)).body).toMatchObject({ code: 'RATE_LIMITED' });
        expect(await limited.db.getRepository(Account).countBy({ id: who.accountId })).toBe(1);
      } finally {
        await limited.close();
      }
    });
  });
});
