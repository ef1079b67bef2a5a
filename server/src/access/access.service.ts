import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller';
import { asDate, todayInShanghai } from '../common/dates';
import { forbidden, notFound } from '../common/domain-error';
import {
  decideJurisdiction,
  decideStudio,
  decideStudioInvitations,
  decideUnit,
  effectiveGrants,
  type HeldGrant,
  type StudioAction,
  type StudioInviteRole,
  type StudioScope,
  type UnitAction,
} from './access-policy';
import { placeholders } from '../database/sql';

export interface StudioContext extends StudioScope {
  policyId: string;
}

/** Loads what the access policy needs and turns its decision into 403 / 404. */
@Injectable()
export class AccessService {
  constructor(private readonly db: DataSource) {}

  /**
   * The caller of a verified token with only its effective grants (access-policy effectiveGrants):
   * every grant holds only while its role row exists, and a member or apprentice grant while its
   * record exists and has not left, checked on every request. One query on IDX_roles_account
   * (the account's role rows with their bound records), none when the token carries no grant.
   */
  async effectiveCaller(caller: Caller): Promise<Caller> {
    if (caller.grants.length === 0) return caller;
    return {
      ...caller,
      grants: effectiveGrants(
        caller.grants,
        await this.heldGrants(caller.accountId),
        todayInShanghai(),
      ),
    };
  }

  /** The account's role rows as grants, with the records member and apprentice grants are bound to. */
  async heldGrants(accountId: number): Promise<HeldGrant[]> {
    const rows = (await this.db.query(
      `SELECT r.role AS role, r.studio_id AS studio_id, r.unit_id AS unit_id, r.jurisdiction_id AS jurisdiction_id,
              r.apprentice_id AS apprentice_id, r.team_member_id AS team_member_id,
              t.studio_id AS t_studio_id, t.left_on AS t_left_on, ap.studio_id AS ap_studio_id, ap.left_on AS ap_left_on
         FROM role_memberships r
         LEFT JOIN team_members t ON t.id = r.team_member_id
         LEFT JOIN apprentices ap ON ap.id = r.apprentice_id
        WHERE r.account_id = ?`,
      [accountId],
    )) as Record<string, unknown>[];
    const opt = (v: unknown): number | undefined =>
      v === null || v === undefined ? undefined : Number(v);
    return rows.map((r) => {
      const role = String(r.role) as HeldGrant['role'];
      const boundStudio =
        role === 'member'
          ? opt(r.t_studio_id)
          : role === 'apprentice'
            ? opt(r.ap_studio_id)
            : undefined;
      const g: HeldGrant = {
        role,
        ...(opt(r.studio_id) !== undefined ? { studioId: opt(r.studio_id) } : {}),
        ...(opt(r.unit_id) !== undefined ? { unitId: opt(r.unit_id) } : {}),
        ...(opt(r.jurisdiction_id) !== undefined ? { jurisdictionId: opt(r.jurisdiction_id) } : {}),
        ...(opt(r.apprentice_id) !== undefined ? { apprenticeId: opt(r.apprentice_id) } : {}),
        ...(opt(r.team_member_id) !== undefined ? { memberId: opt(r.team_member_id) } : {}),
      };
      if (role === 'member' || role === 'apprentice')
        g.bound =
          boundStudio === undefined
            ? null
            : {
                studioId: boundStudio,
                leftOn: asDate(role === 'member' ? r.t_left_on : r.ap_left_on),
              };
      return g;
    });
  }

  async requireStudio(
    caller: Caller,
    studioId: number,
    action: StudioAction,
  ): Promise<StudioContext> {
    const studio = await this.studioScope(studioId);
    const decision = decideStudio(caller.grants, studio, action);
    if (decision === 'not_found' || !studio) throw notFound('工作室');
    if (decision === 'forbidden') throw forbidden();
    return studio;
  }

  /** The studio roles the caller may invite into this studio (at least one, else 403 / 404). */
  async requireStudioInviter(
    caller: Caller,
    studioId: number,
  ): Promise<{ studio: StudioContext; roles: StudioInviteRole[] }> {
    const studio = await this.studioScope(studioId);
    const { decision, roles } = decideStudioInvitations(caller.grants, studio);
    if (decision === 'not_found' || !studio) throw notFound('工作室');
    if (decision === 'forbidden') throw forbidden();
    return { studio, roles };
  }

  private async studioScope(studioId: number): Promise<StudioContext | null> {
    // Plain parameterised SQL: this runs before every studio request, the query builder's
    // per-call parsing is pure overhead here.
    const [row] = (await this.db.query(
      'SELECT s.id AS id, s.unit_id AS unit_id, s.jurisdiction_id AS jurisdiction_id, j.policy_id AS policy_id FROM studios s INNER JOIN jurisdictions j ON j.id = s.jurisdiction_id WHERE s.id = ?',
      [studioId],
    )) as (Record<string, unknown> | undefined)[];
    return row
      ? {
          id: Number(row.id),
          unitId: Number(row.unit_id),
          jurisdictionId: Number(row.jurisdiction_id),
          policyId: String(row.policy_id),
        }
      : null;
  }

  /** For a studio scope that arrives signed (check-in codes): the same decision, no query. */
  requireSignedScope(caller: Caller, scope: StudioScope, action: StudioAction): void {
    const decision = decideStudio(caller.grants, scope, action);
    if (decision === 'not_found') throw notFound('工作室');
    if (decision === 'forbidden') throw forbidden();
  }

  async requireUnit(
    caller: Caller,
    unitId: number,
    action: UnitAction = 'read',
  ): Promise<{ id: number; jurisdictionId: number; policyId: string }> {
    const row = await this.db
      .createQueryBuilder()
      .select(['u.id AS id', 'u.jurisdiction_id AS jurisdiction_id', 'j.policy_id AS policy_id'])
      .from('units', 'u')
      .innerJoin('jurisdictions', 'j', 'j.id = u.jurisdiction_id')
      .where('u.id = :id', { id: unitId })
      .getRawOne<Record<string, unknown>>();
    const unit = row
      ? {
          id: Number(row.id),
          jurisdictionId: Number(row.jurisdiction_id),
          policyId: String(row.policy_id),
        }
      : null;
    const decision = decideUnit(caller.grants, unit, action);
    if (decision === 'not_found' || !unit) throw notFound('单位');
    if (decision === 'forbidden') throw forbidden();
    return unit;
  }

  async requireJurisdiction(
    caller: Caller,
    jurisdictionId: number,
  ): Promise<{ id: number; policyId: string }> {
    const row = await this.db
      .createQueryBuilder()
      .select(['j.id AS id', 'j.policy_id AS policy_id'])
      .from('jurisdictions', 'j')
      .where('j.id = :id', { id: jurisdictionId })
      .getRawOne<Record<string, unknown>>();
    const studioIds = caller.grants.flatMap((g) => (g.studioId !== undefined ? [g.studioId] : []));
    const unitIds = caller.grants.flatMap((g) => (g.unitId !== undefined ? [g.unitId] : []));
    let inside = { studioIds: [] as number[], unitIds: [] as number[] };
    if (row && (studioIds.length > 0 || unitIds.length > 0)) {
      const s = studioIds.length
        ? await this.db.query(
            `SELECT id FROM studios WHERE jurisdiction_id = ? AND id IN (${placeholders(studioIds)})`,
            [jurisdictionId, ...studioIds],
          )
        : [];
      const u = unitIds.length
        ? await this.db.query(
            `SELECT id FROM units WHERE jurisdiction_id = ? AND id IN (${placeholders(unitIds)})`,
            [jurisdictionId, ...unitIds],
          )
        : [];
      inside = {
        studioIds: (s as { id: number }[]).map((r) => Number(r.id)),
        unitIds: (u as { id: number }[]).map((r) => Number(r.id)),
      };
    }
    const decision = decideJurisdiction(caller.grants, row ? Number(row.id) : null, inside);
    if (decision === 'not_found' || !row) throw notFound('辖区');
    if (decision === 'forbidden') throw forbidden();
    return { id: Number(row.id), policyId: String(row.policy_id) };
  }
}
