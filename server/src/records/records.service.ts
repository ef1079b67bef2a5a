import { Injectable } from '@nestjs/common';
import { RECORD_KINDS } from '@master-studio/shared-rules';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Caller } from '../auth/caller';
import type { Page } from '../common/pagination';
import type { AnyRecordDefinition } from './record-definition';
import { RecordStore } from './record-store';
import { signoffStamps } from '../signoffs/signoff-stamps';

/**
 * The service behind every record kind's routes: the access check first (style.md §2), then the
 * kind's own steps (its definition) through RecordStore's one write path. The list and read
 * views of a signable kind carry `signoff` (who confirmed it and when, or null), added here only,
 * so that a reloaded screen shows what the unit confirmed. Creates and updates answer without it
 * (a new record is unconfirmed and a confirmed one cannot change; an Idempotency-Key replay
 * answers the stored body), and the audit log keeps the bare view.
 */
@Injectable()
export class RecordsService {
  constructor(
    private readonly access: AccessService,
    private readonly records: RecordStore,
    private readonly db: DataSource,
  ) {}

  /** The views with their sign-offs (kinds that cannot be signed off are answered as they are). */
  private async signed<V>(def: AnyRecordDefinition, views: V[]): Promise<V[]> {
    if (!RECORD_KINDS[def.kind].signable) return views;
    const ids = views.map((v) => (v as { id: number }).id);
    const stamps = await signoffStamps(this.db.manager, def.kind, ids);
    return views.map((v, i) => ({ ...v, signoff: stamps.get(ids[i] ?? 0) ?? null }));
  }

  async list(
    def: AnyRecordDefinition,
    caller: Caller,
    studioId: number,
    q: object,
  ): Promise<Page<unknown>> {
    await this.access.requireStudio(caller, studioId, def.readAction ?? 'read');
    const page = await this.records.list(def, studioId, q, (qb) => def.filter(qb, q), def.order);
    return { ...page, items: await this.signed(def, page.items) };
  }

  async get(
    def: AnyRecordDefinition,
    caller: Caller,
    studioId: number,
    id: number,
  ): Promise<unknown> {
    await this.access.requireStudio(caller, studioId, def.readAction ?? 'read');
    return (await this.signed(def, [await this.records.get(def, studioId, id)]))[0];
  }

  async create(
    def: AnyRecordDefinition,
    caller: Caller,
    studioId: number,
    dto: object,
  ): Promise<unknown> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    return this.records.create(caller, studio, def, (m) => def.build(m, dto, studioId));
  }

  async update(
    def: AnyRecordDefinition,
    caller: Caller,
    studioId: number,
    id: number,
    dto: object,
  ): Promise<unknown> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    return this.records.update(caller, studio, def, id, (m, row) =>
      def.apply(m, row, dto, studioId),
    );
  }

  async remove(
    def: AnyRecordDefinition,
    caller: Caller,
    studioId: number,
    id: number,
  ): Promise<void> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    const check = def.beforeRemove;
    await this.records.remove(
      caller,
      studio,
      def,
      id,
      check ? (m, row) => check(m, row, studioId) : undefined,
    );
  }
}
