import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { Caller } from '../auth/caller';
import type { Page } from '../common/pagination';
import type { AnyRecordDefinition } from './record-definition';
import { RecordStore } from './record-store';

/**
 * The service behind every record kind's routes: the access check first (style.md §2), then the
 * kind's own steps (its definition) through RecordStore's one write path.
 */
@Injectable()
export class RecordsService {
  constructor(
    private readonly access: AccessService,
    private readonly records: RecordStore,
  ) {}

  async list(
    def: AnyRecordDefinition,
    caller: Caller,
    studioId: number,
    q: object,
  ): Promise<Page<unknown>> {
    await this.access.requireStudio(caller, studioId, def.readAction ?? 'read');
    return this.records.list(def, studioId, q, (qb) => def.filter(qb, q), def.order);
  }

  async get(
    def: AnyRecordDefinition,
    caller: Caller,
    studioId: number,
    id: number,
  ): Promise<unknown> {
    await this.access.requireStudio(caller, studioId, def.readAction ?? 'read');
    return this.records.get(def, studioId, id);
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
