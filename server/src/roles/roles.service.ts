import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { INVITE_ACTION, type StudioInviteRole } from '../access/access-policy';
import { AccessService } from '../access/access.service';
import { RoleMembership } from '../accounts/role-membership.entity';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import { placeholders } from '../database/sql';
import type { RoleGrantView } from './dto/role-grant.dto';

type Row = Record<string, unknown>;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const SELECT_GRANTS = `SELECT r.id AS id, r.role AS role, r.account_id AS account_id, a.name AS account_name, r.studio_id AS studio_id,
       r.unit_id AS unit_id, r.jurisdiction_id AS jurisdiction_id, r.team_member_id AS team_member_id, r.apprentice_id AS apprentice_id
  FROM role_memberships r INNER JOIN accounts a ON a.id = r.account_id`;

const mapGrant = (r: Row): RoleGrantView => ({
  id: Number(r.id),
  role: String(r.role) as RoleGrantView['role'],
  accountId: Number(r.account_id),
  accountName: String(r.account_name ?? ''),
  studioId: num(r.studio_id),
  unitId: num(r.unit_id),
  jurisdictionId: num(r.jurisdiction_id),
  memberId: num(r.team_member_id),
  apprenticeId: num(r.apprentice_id),
});

/** The role grants of one row id, for the removal's before-image (also the operator CLI's). */
export async function roleGrantView(m: EntityManager, id: number): Promise<RoleGrantView | null> {
  const [row] = (await m.query(`${SELECT_GRANTS} WHERE r.id = ?`, [id])) as Row[];
  return row ? mapGrant(row) : null;
}

/**
 * Deletes a role row and audits it (recordType `role`, action `delete`) in one transaction. The
 * grant stops working at the holder's next request (AccessService.effectiveCaller).
 */
export async function removeRoleGrant(
  m: EntityManager,
  audit: AuditService,
  grant: RoleGrantView,
  actorAccountId: number,
): Promise<void> {
  await m.delete(RoleMembership, { id: grant.id });
  await audit.record(m, {
    studioId: grant.studioId,
    accountId: actorAccountId,
    recordType: 'role',
    recordId: grant.id,
    action: 'delete',
    before: grant,
    after: null,
  });
}

/**
 * Who holds which role, and taking it away. Whoever may invite a role may remove it: the
 * jurisdiction's reviewer removes a studio's leader and a unit's contacts, the leader removes
 * the studio's members and apprentices (access-policy INVITE_ACTION). Reviewers are removed by
 * the operator CLI (admin remove-reviewer).
 */
@Injectable()
export class RolesService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** The studio's role grants the caller may remove (reviewer: the leader; leader: members and apprentices). */
  async listForStudio(caller: Caller, studioId: number): Promise<{ items: RoleGrantView[] }> {
    const { roles } = await this.access.requireStudioInviter(caller, studioId);
    const rows = (await this.db.query(
      `${SELECT_GRANTS} WHERE r.studio_id = ? AND r.role IN (${placeholders(roles)}) ORDER BY r.id`,
      [studioId, ...roles],
    )) as Row[];
    return { items: rows.map(mapGrant) };
  }

  /** The unit's contacts (the jurisdiction's reviewer). */
  async listForUnit(caller: Caller, unitId: number): Promise<{ items: RoleGrantView[] }> {
    const unit = await this.access.requireUnit(caller, unitId, 'manage');
    const rows = (await this.db.query(
      `${SELECT_GRANTS} WHERE r.unit_id = ? AND r.role = 'unit_contact' ORDER BY r.id`,
      [unit.id],
    )) as Row[];
    return { items: rows.map(mapGrant) };
  }

  /** 404 alike for a missing grant and one outside the caller's tenants; 403 when visible but not the caller's to remove. */
  async remove(caller: Caller, id: number): Promise<void> {
    const grant = await roleGrantView(this.db.manager, id);
    if (!grant) throw notFound('角色');
    try {
      await this.authorize(caller, grant);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') throw notFound('角色');
      throw e;
    }
    await this.db.transaction((m) => removeRoleGrant(m, this.audit, grant, caller.accountId));
  }

  private async authorize(caller: Caller, grant: RoleGrantView): Promise<void> {
    switch (grant.role) {
      case 'leader':
      case 'member':
      case 'apprentice':
        await this.access.requireStudio(
          caller,
          grant.studioId ?? 0,
          INVITE_ACTION[grant.role satisfies StudioInviteRole],
        );
        return;
      case 'unit_contact':
        await this.access.requireUnit(caller, grant.unitId ?? 0, 'manage');
        return;
      case 'reviewer':
        // A reviewer of the same jurisdiction sees the grant exists; removing one is the operator's (admin remove-reviewer).
        if (
          caller.grants.some(
            (g) => g.role === 'reviewer' && g.jurisdictionId === grant.jurisdictionId,
          )
        )
          throw forbidden('评审角色只能由运维人员通过管理命令移除');
        throw notFound('角色');
    }
  }
}
