import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { notFound } from '../common/domain-error';
import { idempotent } from '../common/idempotency';
import { type Page, pageOf } from '../common/pagination';
import type { CreateUnitDto, ListUnitsQuery, UnitView } from './dto/unit.dto';
import { Unit } from './unit.entity';

export function mapUnit(r: Record<string, unknown>): UnitView {
  return {
    id: Number(r.id),
    name: String(r.name),
    jurisdiction: {
      id: Number(r.jurisdiction_id),
      name: String(r.jurisdiction_name),
      policyId: String(r.policy_id),
    },
    studioCount: Number(r.studio_count ?? 0),
  };
}

function unitQuery(m: EntityManager) {
  return m
    .createQueryBuilder()
    .select([
      'u.id AS id',
      'u.name AS name',
      'u.jurisdiction_id AS jurisdiction_id',
      'j.name AS jurisdiction_name',
      'j.policy_id AS policy_id',
    ])
    .addSelect('(SELECT COUNT(*) FROM studios s WHERE s.unit_id = u.id)', 'studio_count')
    .from('units', 'u')
    .innerJoin('jurisdictions', 'j', 'j.id = u.jurisdiction_id');
}

@Injectable()
export class UnitsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** The units the caller can see: every unit of its reviewer jurisdictions, and its own units as a contact. */
  async list(caller: Caller, q: ListUnitsQuery): Promise<Page<UnitView>> {
    const { page, pageSize, skip } = pageOf(q);
    const unitIds = caller.grants.flatMap((g) =>
      g.role === 'unit_contact' && g.unitId !== undefined ? [g.unitId] : [],
    );
    const jurisdictionIds = caller.grants.flatMap((g) =>
      g.role === 'reviewer' && g.jurisdictionId !== undefined ? [g.jurisdictionId] : [],
    );
    if (unitIds.length + jurisdictionIds.length === 0)
      return { items: [], total: 0, page, pageSize };
    const qb = unitQuery(this.db.manager).where(
      new Brackets((w) => {
        if (unitIds.length) w.orWhere('u.id IN (:...unitIds)', { unitIds });
        if (jurisdictionIds.length)
          w.orWhere('u.jurisdiction_id IN (:...jurisdictionIds)', { jurisdictionIds });
      }),
    );
    if (q.jurisdictionId !== undefined)
      qb.andWhere('u.jurisdiction_id = :jid', { jid: q.jurisdictionId });
    if (q.q) qb.andWhere('u.name LIKE :q', { q: `%${q.q}%` });
    const total = await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: number | string }>();
    const rows = await qb
      .orderBy('u.id')
      .offset(skip)
      .limit(pageSize)
      .getRawMany<Record<string, unknown>>();
    return { items: rows.map(mapUnit), total: Number(total?.n ?? 0), page, pageSize };
  }

  /** A reviewer adds a host unit to its own jurisdiction. */
  async create(caller: Caller, dto: CreateUnitDto): Promise<UnitView> {
    const jurisdiction = await this.access.requireJurisdiction(caller, dto.jurisdictionId);
    return this.db.transaction((m) =>
      idempotent(m, async () => {
        const { identifiers } = await m.insert(Unit, {
          name: dto.name.trim(),
          jurisdictionId: jurisdiction.id,
        });
        const id = Number((identifiers[0] as { id: number }).id);
        const row = await unitQuery(m)
          .where('u.id = :id', { id })
          .getRawOne<Record<string, unknown>>();
        if (!row) throw notFound('单位');
        const view = mapUnit(row);
        await this.audit.record(m, {
          studioId: null,
          accountId: caller.accountId,
          recordType: 'unit',
          recordId: id,
          action: 'create',
          before: null,
          after: view,
        });
        return view;
      }),
    );
  }
}
