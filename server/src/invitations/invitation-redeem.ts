import { type EntityManager, IsNull } from 'typeorm';
import { hasNotLeft } from '../access/access-policy';
import { Account } from '../accounts/account.entity';
import { Person } from '../accounts/person.entity';
import { RoleMembership } from '../accounts/role-membership.entity';
import { Apprentice } from '../apprentices/apprentice.entity';
import type { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { asDate, todayInShanghai } from '../common/dates';
import { DomainError } from '../common/domain-error';
import { wholeSeconds } from '../database/sql';
import { TeamMember } from '../members/team-member.entity';
import { Studio } from '../studios/studio.entity';
import { hashCode } from './invitation-code';
import { Invitation } from './invitation.entity';

/**
 * Redeems a normalized, well-formed code inside the caller's transaction: checks the
 * invitation and the person it binds, claims it with a conditional UPDATE (… WHERE used_at IS
 * NULL, so of concurrent redeems exactly one sees an affected row), grants the role and audits both.
 */
export async function redeemIn(
  m: EntityManager,
  audit: AuditService,
  caller: Caller,
  code: string,
): Promise<void> {
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

  const personId = await personOf(m, inv, todayInShanghai());
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
  await audit.record(m, {
    studioId: inv.studioId,
    accountId: account.id,
    recordType: 'role',
    recordId: roleId,
    action: 'grant',
    before: null,
    after: { accountId: account.id, invitationId: inv.id, ...grant },
  });
  await audit.record(m, {
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
async function personOf(m: EntityManager, inv: Invitation, today: string): Promise<number | null> {
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
