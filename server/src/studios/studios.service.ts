import { wholeSeconds } from '../database/sql';
import { factsChange } from './studio-facts';
import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Person } from '../accounts/person.entity';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { getPolicy } from '@master-studio/shared-rules';
import { notFound, validationFailed } from '../common/domain-error';
import { idempotent } from '../common/idempotency';
import { type Page, pageOf } from '../common/pagination';
import { mapStudio, studioQuery } from '../database/studio-row';
import { lockStudio } from '../periods/finalized-lock';
import type {
  CreateStudioDto,
  ListStudiosQuery,
  StudioView,
  UpdateStandingDto,
  UpdateStudioDto,
} from './dto/studio.dto';
import { Studio } from './studio.entity';

/**
 * A panel total only where the studio's policy grades on one (yuzhong-2023), and within its
 * scale: what the API stores, the rules accept (shared-rules validateFacts). null clears it.
 */
export function checkAssessmentTotal(policyId: string, total: number | null | undefined): void {
  if (total === undefined || total === null) return;
  const a = getPolicy(policyId).assessment;
  if (a.kind !== 'total')
    throw validationFailed({
      assessmentTotal: '本辖区的考核政策不按评审总分评定，不能填写评审总分',
    });
  if (total > a.max) throw validationFailed({ assessmentTotal: `评审总分不能超过 ${a.max} 分` });
}

@Injectable()
export class StudiosService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** The studios the caller can see at all: the union of its roles' tenants. */
  async list(caller: Caller, q: ListStudiosQuery): Promise<Page<StudioView>> {
    const { page, pageSize, skip } = pageOf(q);
    const studioIds = caller.grants.flatMap((g) => (g.studioId !== undefined ? [g.studioId] : []));
    const unitIds = caller.grants.flatMap((g) =>
      g.role === 'unit_contact' && g.unitId !== undefined ? [g.unitId] : [],
    );
    const jurisdictionIds = caller.grants.flatMap((g) =>
      g.role === 'reviewer' && g.jurisdictionId !== undefined ? [g.jurisdictionId] : [],
    );
    if (studioIds.length + unitIds.length + jurisdictionIds.length === 0)
      return { items: [], total: 0, page, pageSize };
    const qb = studioQuery(this.db.manager).where(
      new Brackets((w) => {
        if (studioIds.length) w.orWhere('s.id IN (:...studioIds)', { studioIds });
        if (unitIds.length) w.orWhere('s.unit_id IN (:...unitIds)', { unitIds });
        if (jurisdictionIds.length)
          w.orWhere('s.jurisdiction_id IN (:...jurisdictionIds)', { jurisdictionIds });
      }),
    );
    if (q.status) qb.andWhere('s.status = :status', { status: q.status });
    if (q.unitId !== undefined) qb.andWhere('s.unit_id = :unitId', { unitId: q.unitId });
    if (q.jurisdictionId !== undefined)
      qb.andWhere('s.jurisdiction_id = :jid', { jid: q.jurisdictionId });
    if (q.q)
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('s.name LIKE :q', { q: `%${q.q}%` })
            .orWhere('s.trade LIKE :q', { q: `%${q.q}%` }),
        ),
      );
    const total = await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: number | string }>();
    const rows = await qb
      .orderBy('s.id')
      .offset(skip)
      .limit(pageSize)
      .getRawMany<Record<string, unknown>>();
    return { items: rows.map(mapStudio), total: Number(total?.n ?? 0), page, pageSize };
  }

  /** A reviewer recognizes a studio in a unit of its jurisdiction; the policy is the jurisdiction's. */
  async create(caller: Caller, dto: CreateStudioDto): Promise<StudioView> {
    const unit = await this.access.requireUnit(caller, dto.unitId, 'manage');
    return this.db.transaction((m) =>
      idempotent(m, async () => {
        const { leader } = dto;
        const person = await m.save(
          Person,
          m.create(Person, {
            name: leader.name.trim(),
            birthDate: leader.birthDate,
            retirementCategory: leader.retirementCategory,
            skillLevel: leader.skillLevel,
          }),
        );
        const { identifiers } = await m.insert(Studio, {
          name: dto.name.trim(),
          trade: dto.trade.trim(),
          unitId: unit.id,
          jurisdictionId: unit.jurisdictionId,
          leaderPersonId: person.id,
          leaderFullTime: leader.fullTime,
          recognizedOn: dto.recognizedOn,
          status: 'active',
          areaSqm: null,
          hasSign: null,
          hasHonoursBoard: null,
          rulesPosted: null,
          dutiesDefined: null,
          hasEquipment: null,
          hasFundRules: null,
          vetoed: null,
          assessmentTotal: null,
        });
        const studioId = Number((identifiers[0] as { id: number }).id);
        const after = await this.load(m, studioId);
        await this.audit.record(m, {
          studioId,
          accountId: caller.accountId,
          recordType: 'studio',
          recordId: studioId,
          action: 'create',
          before: null,
          after,
        });
        return after;
      }),
    );
  }

  async get(caller: Caller, studioId: number): Promise<StudioView> {
    await this.access.requireStudio(caller, studioId, 'view');
    return this.load(this.db.manager, studioId);
  }

  async update(caller: Caller, studioId: number, dto: UpdateStudioDto): Promise<StudioView> {
    await this.access.requireStudio(caller, studioId, 'edit');
    return this.db.transaction(async (m) => {
      await lockStudio(m, studioId, 'write');
      const before = await this.load(m, studioId);
      const {
        leaderBirthDate,
        leaderRetirementCategory,
        leaderSkillLevel,
        leaderFullTime,
        ...checklist
      } = dto;
      const studioPatch: Partial<Studio> = {
        ...checklist,
        ...(leaderFullTime !== undefined ? { leaderFullTime } : {}),
      };
      // A change to the name or the facilities waits for the unit's confirmation again.
      if (factsChange(before, studioPatch)) {
        studioPatch.factsConfirmedBy = null;
        studioPatch.factsConfirmedAt = null;
      }
      if (Object.keys(studioPatch).length) await m.update(Studio, { id: studioId }, studioPatch);
      const personPatch: Partial<Person> = {
        ...(leaderBirthDate !== undefined ? { birthDate: leaderBirthDate } : {}),
        ...(leaderRetirementCategory !== undefined
          ? { retirementCategory: leaderRetirementCategory }
          : {}),
        ...(leaderSkillLevel !== undefined ? { skillLevel: leaderSkillLevel } : {}),
      };
      if (Object.keys(personPatch).length)
        await m.update(Person, { id: before.leader.personId }, personPatch);
      const after = await this.load(m, studioId);
      await this.audit.record(m, {
        studioId,
        accountId: caller.accountId,
        recordType: 'studio',
        recordId: studioId,
        action: 'update',
        before,
        after,
      });
      return after;
    });
  }

  /** The unit contact confirms the studio's name and facilities as the leader keeps them. */
  async confirmFacts(caller: Caller, studioId: number): Promise<StudioView> {
    await this.access.requireStudio(caller, studioId, 'signoff');
    return this.db.transaction(async (m) => {
      await lockStudio(m, studioId, 'write');
      const before = await this.load(m, studioId);
      await m.update(
        Studio,
        { id: studioId },
        { factsConfirmedBy: caller.accountId, factsConfirmedAt: wholeSeconds() },
      );
      const after = await this.load(m, studioId);
      await this.audit.record(m, {
        studioId,
        accountId: caller.accountId,
        recordType: 'studio',
        recordId: studioId,
        action: 'update',
        before: { factsConfirmation: before.factsConfirmation },
        after: { factsConfirmation: after.factsConfirmation },
      });
      return after;
    });
  }

  async updateStanding(
    caller: Caller,
    studioId: number,
    dto: UpdateStandingDto,
  ): Promise<StudioView> {
    const studio = await this.access.requireStudio(caller, studioId, 'judge');
    checkAssessmentTotal(studio.policyId, dto.assessmentTotal);
    return this.db.transaction(async (m) => {
      await lockStudio(m, studioId, 'write');
      const before = await this.load(m, studioId);
      if (Object.keys(dto).length) await m.update(Studio, { id: studioId }, { ...dto });
      const after = await this.load(m, studioId);
      await this.audit.record(m, {
        studioId,
        accountId: caller.accountId,
        recordType: 'studio',
        recordId: studioId,
        action: 'update',
        before,
        after,
      });
      return after;
    });
  }

  private async load(m: EntityManager, studioId: number): Promise<StudioView> {
    const row = await studioQuery(m)
      .where('s.id = :id', { id: studioId })
      .getRawOne<Record<string, unknown>>();
    if (!row) throw notFound('工作室');
    return mapStudio(row);
  }
}
