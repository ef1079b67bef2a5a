import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller';
import { asDate, todayInShanghai } from '../common/dates';
import { forbidden, notFound } from '../common/domain-error';
import {
  type BoundRecord,
  decideJurisdiction,
  decideStudio,
  decideStudioInvitations,
  decideUnit,
  effectiveGrants,
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
   * a member or apprentice grant holds while its team-member / apprentice record exists and has not
   * left, checked on every request. One query by primary key, and none when the token carries no
   * such grant.
   */
  async effectiveCaller(caller: Caller): Promise<Caller> {
    const memberIds = [
      ...new Set(
        caller.grants.flatMap((g) =>
          g.role === 'member' && g.memberId !== undefined ? [g.memberId] : [],
        ),
      ),
    ];
    const apprenticeIds = [
      ...new Set(
        caller.grants.flatMap((g) =>
          g.role === 'apprentice' && g.apprenticeId !== undefined ? [g.apprenticeId] : [],
        ),
      ),
    ];
    if (!caller.grants.some((g) => g.role === 'member' || g.role === 'apprentice')) return caller;
    const parts: string[] = [];
    const params: number[] = [];
    if (apprenticeIds.length) {
      parts.push(
        `SELECT 'apprentice' AS kind, id, studio_id, left_on FROM apprentices WHERE id IN (${placeholders(apprenticeIds)})`,
      );
      params.push(...apprenticeIds);
    }
    if (memberIds.length) {
      parts.push(
        `SELECT 'member' AS kind, id, studio_id, left_on FROM team_members WHERE id IN (${placeholders(memberIds)})`,
      );
      params.push(...memberIds);
    }
    const rows = parts.length
      ? ((await this.db.query(parts.join(' UNION ALL '), params)) as Record<string, unknown>[])
      : [];
    const records: BoundRecord[] = rows.map((r) => ({
      kind: r.kind === 'member' ? 'member' : 'apprentice',
      id: Number(r.id),
      studioId: Number(r.studio_id),
      leftOn: asDate(r.left_on),
    }));
    return { ...caller, grants: effectiveGrants(caller.grants, records, todayInShanghai()) };
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
