import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller';
import { forbidden, notFound } from '../common/domain-error';
import { decideJurisdiction, decideStudio, decideStudioInvitations, decideUnit, type StudioAction, type StudioInviteRole, type StudioScope, type UnitAction } from './access-policy';

export interface StudioContext extends StudioScope {
  policyId: string;
}

/** Loads what the access policy needs and turns its decision into 403 / 404. */
@Injectable()
export class AccessService {
  constructor(private readonly db: DataSource) {}

  async requireStudio(caller: Caller, studioId: number, action: StudioAction): Promise<StudioContext> {
    const studio = await this.studioScope(studioId);
    const decision = decideStudio(caller.grants, studio, action);
    if (decision === 'not_found' || !studio) throw notFound('工作室');
    if (decision === 'forbidden') throw forbidden();
    return studio;
  }

  /** The studio roles the caller may invite into this studio (at least one, else 403 / 404). */
  async requireStudioInviter(caller: Caller, studioId: number): Promise<{ studio: StudioContext; roles: StudioInviteRole[] }> {
    const studio = await this.studioScope(studioId);
    const { decision, roles } = decideStudioInvitations(caller.grants, studio);
    if (decision === 'not_found' || !studio) throw notFound('工作室');
    if (decision === 'forbidden') throw forbidden();
    return { studio, roles };
  }

  private async studioScope(studioId: number): Promise<StudioContext | null> {
    // Plain parameterised SQL: this runs before every studio request, the query builder's
    // per-call parsing is pure overhead here.
    const [row] = (await this.db.query('SELECT s.id AS id, s.unit_id AS unit_id, s.jurisdiction_id AS jurisdiction_id, j.policy_id AS policy_id FROM studios s INNER JOIN jurisdictions j ON j.id = s.jurisdiction_id WHERE s.id = ?', [studioId])) as (Record<string, unknown> | undefined)[];
    return row ? { id: Number(row.id), unitId: Number(row.unit_id), jurisdictionId: Number(row.jurisdiction_id), policyId: String(row.policy_id) } : null;
  }

  /** For a studio scope that arrives signed (check-in codes): the same decision, no query. */
  requireSignedScope(caller: Caller, scope: StudioScope, action: StudioAction): void {
    const decision = decideStudio(caller.grants, scope, action);
    if (decision === 'not_found') throw notFound('工作室');
    if (decision === 'forbidden') throw forbidden();
  }

  async requireUnit(caller: Caller, unitId: number, action: UnitAction = 'read'): Promise<{ id: number; jurisdictionId: number; policyId: string }> {
    const row = await this.db
      .createQueryBuilder()
      .select(['u.id AS id', 'u.jurisdiction_id AS jurisdiction_id', 'j.policy_id AS policy_id'])
      .from('units', 'u')
      .innerJoin('jurisdictions', 'j', 'j.id = u.jurisdiction_id')
      .where('u.id = :id', { id: unitId })
      .getRawOne<Record<string, unknown>>();
    const unit = row ? { id: Number(row.id), jurisdictionId: Number(row.jurisdiction_id), policyId: String(row.policy_id) } : null;
    const decision = decideUnit(caller.grants, unit, action);
    if (decision === 'not_found' || !unit) throw notFound('单位');
    if (decision === 'forbidden') throw forbidden();
    return unit;
  }

  async requireJurisdiction(caller: Caller, jurisdictionId: number): Promise<{ id: number; policyId: string }> {
    const row = await this.db.createQueryBuilder().select(['j.id AS id', 'j.policy_id AS policy_id']).from('jurisdictions', 'j').where('j.id = :id', { id: jurisdictionId }).getRawOne<Record<string, unknown>>();
    const studioIds = caller.grants.flatMap((g) => (g.studioId !== undefined ? [g.studioId] : []));
    const unitIds = caller.grants.flatMap((g) => (g.unitId !== undefined ? [g.unitId] : []));
    let inside = { studioIds: [] as number[], unitIds: [] as number[] };
    if (row && (studioIds.length > 0 || unitIds.length > 0)) {
      const s = studioIds.length ? await this.db.query(`SELECT id FROM studios WHERE jurisdiction_id = ? AND id IN (${studioIds.map(() => '?').join(',')})`, [jurisdictionId, ...studioIds]) : [];
      const u = unitIds.length ? await this.db.query(`SELECT id FROM units WHERE jurisdiction_id = ? AND id IN (${unitIds.map(() => '?').join(',')})`, [jurisdictionId, ...unitIds]) : [];
      inside = { studioIds: (s as { id: number }[]).map((r) => Number(r.id)), unitIds: (u as { id: number }[]).map((r) => Number(r.id)) };
    }
    const decision = decideJurisdiction(caller.grants, row ? Number(row.id) : null, inside);
    if (decision === 'not_found' || !row) throw notFound('辖区');
    if (decision === 'forbidden') throw forbidden();
    return { id: Number(row.id), policyId: String(row.policy_id) };
  }
}
