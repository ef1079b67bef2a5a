import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull, MoreThan } from 'typeorm';
import { hasNotLeft, INVITE_ACTION } from '../access/access-policy';
import { AccessService } from '../access/access.service';
import { Account } from '../accounts/account.entity';
import { Person } from '../accounts/person.entity';
import { RoleMembership } from '../accounts/role-membership.entity';
import { Apprentice } from '../apprentices/apprentice.entity';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { asDate, todayInShanghai } from '../common/dates';
import { idempotent } from '../common/idempotency';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import { serializeOnSqljs } from '../database/serialize';
import { TeamMember } from '../members/team-member.entity';
import { Studio } from '../studios/studio.entity';
import type {
  CreatedInvitationView,
  CreateInvitationDto,
  InvitationView,
  ListInvitationsQuery,
} from './dto/invitation.dto';
import { hashCode, isWellFormedCode, normalizeCode } from './invitation-code';
import { Invitation } from './invitation.entity';
import { wholeSeconds } from '../database/sql';
import { issueInvitation, type Target, viewsOf } from './invitation-store';

export { issueInvitation, statusOf } from './invitation-store';

@Injectable()
export class InvitationsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, dto: CreateInvitationDto): Promise<CreatedInvitationView> {
    const target = await this.authorizedTarget(caller, true, dto);
    return this.db.transaction((m) =>
      idempotent(m, async () => {
        const { invitation, code } = await issueInvitation(m, target, caller.accountId);
        const [view] = await viewsOf(m, [invitation]);
        await this.audit.record(m, {
          studioId: invitation.studioId,
          accountId: caller.accountId,
          recordType: 'invitation',
          recordId: invitation.id,
          action: 'create',
          before: null,
          after: view,
        });
        return { ...(view as InvitationView), code };
      }),
    );
  }

  /** Pending (unused, unrevoked, unexpired) invitations of a studio or unit that the caller may manage. */
  async listPending(caller: Caller, q: ListInvitationsQuery): Promise<{ items: InvitationView[] }> {
    const now = new Date();
    const pending = { usedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(now) };
    let rows: Invitation[];
    if (q.studioId !== undefined) {
      const { roles } = await this.access.requireStudioInviter(caller, q.studioId);
      rows = await this.db.getRepository(Invitation).find({
        where: roles.map((role) => ({ ...pending, studioId: q.studioId, role })),
        order: { id: 'DESC' },
      });
    } else {
      const unit = await this.access.requireUnit(caller, q.unitId as number, 'manage');
      rows = await this.db.getRepository(Invitation).find({
        where: { ...pending, unitId: unit.id, role: 'unit_contact' },
        order: { id: 'DESC' },
      });
    }
    return { items: await viewsOf(this.db.manager, rows, now) };
  }

  async revoke(caller: Caller, id: number): Promise<void> {
    const found = await this.db.getRepository(Invitation).findOneBy({ id });
    if (!found) throw notFound('邀请');
    try {
      await this.authorizedTarget(caller, false, found);
    } catch (e) {
      // Another tenant's invitation answers exactly like a missing one (not 工作室不存在).
      if (e instanceof DomainError && e.code === 'NOT_FOUND') throw notFound('邀请');
      throw e;
    }
    await this.db.transaction(async (m) => {
      const now = wholeSeconds();
      const res = await m
        .createQueryBuilder()
        .update(Invitation)
        .set({ revokedAt: now })
        .where('id = :id', { id })
        .andWhere('used_at IS NULL')
        .andWhere('revoked_at IS NULL')
        .execute();
      if (!res.affected) {
        const inv = await m.findOneByOrFail(Invitation, { id });
        if (inv.usedAt) throw new DomainError('INVITATION_USED', '该邀请码已被使用，不能撤销');
        return; // already revoked: revoking again changes nothing
      }
      const [view] = await viewsOf(m, [await m.findOneByOrFail(Invitation, { id })]);
      await this.audit.record(m, {
        studioId: found.studioId,
        accountId: caller.accountId,
        recordType: 'invitation',
        recordId: id,
        action: 'revoke',
        before: { status: 'pending' },
        after: view,
      });
    });
  }

  /**
   * Any signed-in account redeems a code: the role is added and the invitation marked used in
   * one transaction. A conditional UPDATE (… WHERE used_at IS NULL) decides between concurrent
   * redeems of one code: exactly one sees an affected row, the others roll back with 409.
   * POST /auth/redeem (AuthController) then answers a fresh token with the new role.
   */
  async redeem(caller: Caller, input: string): Promise<void> {
    const code = normalizeCode(input);
    if (!isWellFormedCode(code))
      throw new DomainError(
        'INVITATION_NOT_FOUND',
        '邀请码不存在，请核对后重新输入（8 位字母或数字）',
      );
    // sql.js has one connection and no isolation: redeems run one at a time there (one global key).
    await serializeOnSqljs(this.db, 'invitations.redeem', () =>
      this.db.transaction((m) => this.redeemIn(m, caller, code)),
    );
  }

  private async redeemIn(m: EntityManager, caller: Caller, code: string): Promise<void> {
    const inv = await m.findOneBy(Invitation, { codeHash: hashCode(code) });
    if (!inv) throw new DomainError('INVITATION_NOT_FOUND', '邀请码不存在，请核对后重新输入');
    if (inv.revokedAt)
      throw new DomainError('INVITATION_REVOKED', '该邀请码已被撤销，请联系邀请人重新生成');
    if (inv.usedAt)
      throw new DomainError('INVITATION_USED', '该邀请码已被使用，每个邀请码只能使用一次');
    const now = wholeSeconds();
    if (inv.expiresAt.getTime() <= now.getTime())
      throw new DomainError(
        'INVITATION_EXPIRED',
        '该邀请码已过期（有效期 7 天），请联系邀请人重新生成',
      );
    const account = await m.findOneBy(Account, { id: caller.accountId });
    if (!account) throw new DomainError('UNAUTHENTICATED', '账号不存在，请重新登录');

    const personId = await this.personOf(m, inv, todayInShanghai());
    if (personId !== null && account.personId !== null && account.personId !== personId) {
      throw new DomainError(
        'ACCOUNT_LINKED_TO_OTHER_PERSON',
        '此账号已关联另一位人员，不能再认领该邀请；请本人用自己的微信账号加入',
      );
    }
    const grant = {
      role: inv.role,
      studioId: inv.studioId,
      unitId: inv.role === 'unit_contact' ? inv.unitId : null,
      jurisdictionId: inv.role === 'reviewer' ? inv.jurisdictionId : null,
      apprenticeId: inv.role === 'apprentice' ? inv.apprenticeId : null,
      teamMemberId: inv.role === 'member' ? inv.teamMemberId : null,
    };
    // Same role on the same record (a member or apprentice who left and was entered again has a new record).
    const held = await m.findOneBy(RoleMembership, {
      accountId: account.id,
      role: grant.role,
      studioId: grant.studioId ?? IsNull(),
      unitId: grant.unitId ?? IsNull(),
      jurisdictionId: grant.jurisdictionId ?? IsNull(),
      apprenticeId: grant.apprenticeId ?? IsNull(),
      teamMemberId: grant.teamMemberId ?? IsNull(),
    });
    if (held) throw new DomainError('ROLE_ALREADY_HELD', '你已拥有该角色，无需再次加入');

    const claimed = await m
      .createQueryBuilder()
      .update(Invitation)
      .set({ usedAt: now, usedBy: account.id })
      .where('id = :id', { id: inv.id })
      .andWhere('used_at IS NULL')
      .andWhere('revoked_at IS NULL')
      .execute();
    if (claimed.affected !== 1)
      throw new DomainError('INVITATION_USED', '该邀请码已被使用，每个邀请码只能使用一次');

    const granted = await m.insert(RoleMembership, { accountId: account.id, ...grant });
    const roleId = Number((granted.identifiers[0] as { id: number }).id);
    if (personId !== null && account.personId === null) {
      const person = await m.findOneByOrFail(Person, { id: personId });
      await m.update(Account, { id: account.id }, { personId, name: person.name });
    }
    await this.audit.record(m, {
      studioId: inv.studioId,
      accountId: account.id,
      recordType: 'role',
      recordId: roleId,
      action: 'grant',
      before: null,
      after: { accountId: account.id, invitationId: inv.id, ...grant },
    });
    await this.audit.record(m, {
      studioId: inv.studioId,
      accountId: account.id,
      recordType: 'invitation',
      recordId: inv.id,
      action: 'redeem',
      before: { status: 'pending' },
      after: { status: 'used', role: inv.role, accountId: account.id },
    });
  }

  /**
   * The person a studio invitation binds the account to (none for unit contacts and reviewers).
   * A member / apprentice record deleted since the invitation → 410, one that has left → 409:
   * the grant would never be effective (access-policy effectiveGrants).
   */
  private async personOf(m: EntityManager, inv: Invitation, today: string): Promise<number | null> {
    if (inv.role === 'leader' && inv.studioId !== null)
      return (await m.findOneByOrFail(Studio, { id: inv.studioId })).leaderPersonId;
    const record =
      inv.role === 'member' && inv.teamMemberId !== null
        ? await m.findOneBy(TeamMember, { id: inv.teamMemberId })
        : inv.role === 'apprentice' && inv.apprenticeId !== null
          ? await m.findOneBy(Apprentice, { id: inv.apprenticeId })
          : undefined;
    if (record === undefined) return null;
    const who = inv.role === 'member' ? '成员' : '学徒';
    if (record === null)
      throw new DomainError(
        'INVITATION_REVOKED',
        `该邀请对应的${who}档案已被删除，邀请码已失效，请联系领办人`,
      );
    if (!hasNotLeft(asDate(record.leftOn), today))
      throw new DomainError('INVITEE_LEFT', `该${who}已离开工作室，不能再使用此邀请码`);
    return record.personId;
  }

  /**
   * The access check for creating or revoking an invitation (the one policy decides; this only
   * loads what it needs), and the invitation's target with its records resolved.
   */
  private async authorizedTarget(
    caller: Caller,
    creating: boolean,
    want: {
      role: string;
      studioId?: number | null;
      unitId?: number | null;
      memberId?: number | null;
      teamMemberId?: number | null;
      apprenticeId?: number | null;
      jurisdictionId?: number;
    },
  ): Promise<Target> {
    switch (want.role) {
      case 'unit_contact': {
        const unit = await this.access.requireUnit(caller, want.unitId as number, 'manage');
        return {
          role: 'unit_contact',
          jurisdictionId: unit.jurisdictionId,
          unitId: unit.id,
          studioId: null,
          teamMemberId: null,
          apprenticeId: null,
        };
      }
      case 'leader': {
        const studio = await this.access.requireStudio(
          caller,
          want.studioId as number,
          INVITE_ACTION.leader,
        );
        return {
          role: 'leader',
          jurisdictionId: studio.jurisdictionId,
          unitId: null,
          studioId: studio.id,
          teamMemberId: null,
          apprenticeId: null,
        };
      }
      case 'member': {
        const studio = await this.access.requireStudio(
          caller,
          want.studioId as number,
          INVITE_ACTION.member,
        );
        const memberId = want.memberId ?? want.teamMemberId ?? 0;
        const member = await this.db
          .getRepository(TeamMember)
          .findOneBy({ id: memberId, studioId: studio.id });
        if (!member) throw notFound('团队成员');
        if (member.leftOn && creating)
          throw new DomainError('INVITEE_LEFT', '该成员已离开工作室，不能邀请');
        return {
          role: 'member',
          jurisdictionId: studio.jurisdictionId,
          unitId: null,
          studioId: studio.id,
          teamMemberId: member.id,
          apprenticeId: null,
        };
      }
      case 'apprentice': {
        const studio = await this.access.requireStudio(
          caller,
          want.studioId as number,
          INVITE_ACTION.apprentice,
        );
        const apprentice = await this.db
          .getRepository(Apprentice)
          .findOneBy({ id: want.apprenticeId ?? 0, studioId: studio.id });
        if (!apprentice) throw notFound('学徒');
        if (apprentice.leftOn && creating)
          throw new DomainError('INVITEE_LEFT', '该学徒已出师或离开，不能邀请');
        return {
          role: 'apprentice',
          jurisdictionId: studio.jurisdictionId,
          unitId: null,
          studioId: studio.id,
          teamMemberId: null,
          apprenticeId: apprentice.id,
        };
      }
      case 'reviewer': {
        const j = await this.access.requireJurisdiction(caller, want.jurisdictionId ?? 0);
        return {
          role: 'reviewer',
          jurisdictionId: j.id,
          unitId: null,
          studioId: null,
          teamMemberId: null,
          apprenticeId: null,
        };
      }
      default:
        throw forbidden();
    }
  }
}
