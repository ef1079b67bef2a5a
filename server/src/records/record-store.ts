import { Injectable } from '@nestjs/common';
import { RECORD_KINDS } from '@master-studio/shared-rules';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { StudioContext } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { DomainError, notFound } from '../common/domain-error';
import { type Page, pageOf, type PageQuery } from '../common/pagination';
import {
  finalizedPeriodCovering,
  finalizedPeriodsOf,
  lockStudio,
  periodCovering,
  periodFinalized,
} from '../periods/finalized-lock';
import { Signoff } from '../signoffs/signoff.entity';
import { idempotent } from '../common/idempotency';
import { datesOf, type RecordDefinition, type StudioRecord } from './record-definition';

/** What RecordStore needs of a kind's definition. */
type RecordSpec<E extends StudioRecord, V> = Pick<
  RecordDefinition<RecordDefinition['kind'], E, V>,
  'kind' | 'entity' | 'view'
>;
const nounOf = (spec: { kind: keyof typeof RECORD_KINDS }): string => RECORD_KINDS[spec.kind].noun;

/**
 * The write path shared by every studio record: one transaction per write, the
 * finalized-period lock, the audit row with before/after, the sign-off guard on update and delete, and
 * the Idempotency-Key row of a create (records/idempotency.ts) in the create's transaction.
 * Callers have already passed AccessService.requireStudio.
 */
@Injectable()
export class RecordStore {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list<E extends StudioRecord, V>(
    spec: RecordSpec<E, V>,
    studioId: number,
    q: PageQuery,
    filter: (qb: SelectQueryBuilder<E>) => void,
    order: [string, 'ASC' | 'DESC'][],
  ): Promise<Page<V>> {
    const { page, pageSize, skip } = pageOf(q);
    const qb = this.db
      .getRepository(spec.entity)
      .createQueryBuilder('r')
      .where('r.studioId = :studioId', { studioId });
    filter(qb);
    for (const [col, dir] of order) qb.addOrderBy(col, dir);
    const [rows, total] = await qb.skip(skip).take(pageSize).getManyAndCount();
    return { items: await spec.view(this.db.manager, rows), total, page, pageSize };
  }

  async get<E extends StudioRecord, V>(
    spec: RecordSpec<E, V>,
    studioId: number,
    id: number,
  ): Promise<V> {
    const row = await this.load(this.db.manager, spec, studioId, id);
    return (await spec.view(this.db.manager, [row]))[0] as V;
  }

  async create<E extends StudioRecord, V>(
    caller: Caller,
    studio: StudioContext,
    spec: RecordSpec<E, V>,
    build: (m: EntityManager) => Promise<Omit<E, 'id'>>,
  ): Promise<V> {
    return this.db.transaction(async (m) => {
      await lockStudio(m, studio.id, 'write');
      return idempotent(m, async () => {
        const values = await build(m);
        await this.assertOpen(m, studio.id, datesOf(spec.kind, values));
        const result = await m.insert(spec.entity, values as never);
        const id = Number((result.identifiers[0] as { id: number }).id);
        const row = await this.load(m, spec, studio.id, id);
        const view = (await spec.view(m, [row]))[0] as V;
        await this.audit.record(m, {
          studioId: studio.id,
          accountId: caller.accountId,
          recordType: spec.kind,
          recordId: id,
          action: 'create',
          before: null,
          after: view,
        });
        return view;
      });
    });
  }

  async update<E extends StudioRecord, V>(
    caller: Caller,
    studio: StudioContext,
    spec: RecordSpec<E, V>,
    id: number,
    apply: (m: EntityManager, row: E) => Promise<void>,
  ): Promise<V> {
    return this.db.transaction(async (m) => {
      await lockStudio(m, studio.id, 'write');
      const row = await this.load(m, spec, studio.id, id);
      const before = (await spec.view(m, [row]))[0] as V;
      // The lock before and after the change; the studio's finalized periods are read once.
      const periods = await finalizedPeriodsOf(m, studio.id);
      const assertOpen = (dates: (string | null)[]): void => {
        const p = periodCovering(periods, dates);
        if (p) throw periodFinalized(p);
      };
      assertOpen(datesOf(spec.kind, row));
      await this.assertNotSignedOff(m, spec, id, '修改');
      await apply(m, row);
      assertOpen(datesOf(spec.kind, row));
      await m.save(spec.entity, row);
      const after = (await spec.view(m, [await this.load(m, spec, studio.id, id)]))[0] as V;
      await this.audit.record(m, {
        studioId: studio.id,
        accountId: caller.accountId,
        recordType: spec.kind,
        recordId: id,
        action: 'update',
        before,
        after,
      });
      return after;
    });
  }

  async remove<E extends StudioRecord, V>(
    caller: Caller,
    studio: StudioContext,
    spec: RecordSpec<E, V>,
    id: number,
    check?: (m: EntityManager, row: E) => Promise<void>,
  ): Promise<void> {
    await this.db.transaction(async (m) => {
      await lockStudio(m, studio.id, 'write');
      const row = await this.load(m, spec, studio.id, id);
      const before = (await spec.view(m, [row]))[0] as V;
      await this.assertOpen(m, studio.id, datesOf(spec.kind, row));
      await this.assertNotSignedOff(m, spec, id, '删除');
      if (check) await check(m, row);
      await m.delete(spec.entity, { id });
      await this.audit.record(m, {
        studioId: studio.id,
        accountId: caller.accountId,
        recordType: spec.kind,
        recordId: id,
        action: 'delete',
        before,
        after: null,
      });
    });
  }

  /** 409 once a unit contact has signed the record off: it can be neither changed nor deleted. */
  private async assertNotSignedOff<E extends StudioRecord, V>(
    m: EntityManager,
    spec: RecordSpec<E, V>,
    id: number,
    verb: '修改' | '删除',
  ): Promise<void> {
    if (await m.existsBy(Signoff, { recordType: spec.kind, recordId: id }))
      throw new DomainError('SIGNED_OFF', `该${nounOf(spec)}已由单位审核确认，不能${verb}`);
  }

  async load<E extends StudioRecord, V>(
    m: EntityManager,
    spec: RecordSpec<E, V>,
    studioId: number,
    id: number,
  ): Promise<E> {
    const row = await m.getRepository(spec.entity).findOneBy({ id, studioId } as never);
    if (!row) throw notFound(nounOf(spec));
    return row;
  }

  /** 409 when any of the dates falls inside a finalized period of the studio. */
  async assertOpen(m: EntityManager, studioId: number, dates: (string | null)[]): Promise<void> {
    const p = await finalizedPeriodCovering(m, studioId, dates);
    if (p) throw periodFinalized(p);
  }
}
