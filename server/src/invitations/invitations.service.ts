import { Injectable } from '@nestjs/common';
import { DataSource, type FindOptionsWhere, IsNull, MoreThan } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { idempotent } from '../common/idempotency';
import { type Page, pageOf } from '../common/pagination';
import { DomainError, notFound } from '../common/domain-error';
import { serializeOnSqljs } from '../database/serialize';
import { wholeSeconds } from '../database/sql';
import type {
  CreatedInvitationView,
  CreateInvitationDto,
  InvitationView,
  ListInvitationsQuery,
} from './dto/invitation.dto';
import { isWellFormedCode, normalizeCode } from './invitation-code';
import { redeemIn } from './invitation-redeem';
import { issueInvitation, viewsOf } from './invitation-store';
import { authorizedTarget } from './invitation-target';
import { Invitation } from './invitation.entity';

// Who may invite whom is invitation-target.ts; what redeeming a code does, invitation-redeem.ts.
export { issueInvitation, statusOf } from './invitation-store';

@Injectable()
export class InvitationsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, dto: CreateInvitationDto): Promise<CreatedInvitationView> {
    const target = await authorizedTarget(this.db, this.access, caller, true, dto);
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
  async listPending(caller: Caller, q: ListInvitationsQuery): Promise<Page<InvitationView>> {
    const { page, pageSize, skip } = pageOf(q);
    const now = new Date();
    const pending = { usedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(now) };
    let where: FindOptionsWhere<Invitation>[];
    if (q.studioId !== undefined) {
      const { roles } = await this.access.requireStudioInviter(caller, q.studioId);
      where = roles.map((role) => ({ ...pending, studioId: q.studioId, role }));
    } else {
      const unit = await this.access.requireUnit(caller, q.unitId as number, 'manage');
      where = [{ ...pending, unitId: unit.id, role: 'unit_contact' }];
    }
    // A page at a time, newest first (issue 11 item 2).
    const [rows, total] = await this.db.getRepository(Invitation).findAndCount({
      where,
      order: { id: 'DESC' },
      skip,
      take: pageSize,
    });
    return { items: await viewsOf(this.db.manager, rows, now), total, page, pageSize };
  }

  async revoke(caller: Caller, id: number): Promise<void> {
    const found = await this.db.getRepository(Invitation).findOneBy({ id });
    if (!found) throw notFound('邀请');
    try {
      await authorizedTarget(this.db, this.access, caller, false, found);
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
      this.db.transaction((m) => redeemIn(m, this.audit, caller, code)),
    );
  }
}
