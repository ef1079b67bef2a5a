import type { Type } from '@nestjs/common';
import { RECORD_KINDS, type RecordKind } from '@master-studio/shared-rules';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { StudioAction } from '../access/access-policy';
import type { DomainError } from '../common/domain-error';
import type { PageQuery } from '../common/pagination';

export interface StudioRecord extends ObjectLiteral {
  id: number;
  studioId: number;
}

/**
 * The server's half of one record kind (the other half, its noun, path, dated-by fields and
 * sign-off, is shared-rules' RECORD_KINDS): its entity, DTOs, response mapping and the
 * kind-specific steps of list, create, update and delete. RecordStore runs every write and the
 * generic controller (records.controller.ts) serves the routes.
 */
export interface RecordDefinition<
  K extends RecordKind = RecordKind,
  E extends StudioRecord = StudioRecord,
  V = unknown,
  C = unknown,
  U = unknown,
  Q extends PageQuery = PageQuery,
> {
  kind: K;
  /** The OpenAPI tag (section) of the kind's routes. */
  tag: string;
  /** The entity class (also listed in database/entities.ts through the registry). */
  entity: Type<E>;
  /** The request DTOs and the response DTO (one record, and each item of the list). */
  dto: { create: Type<C>; update: Type<U>; list: Type<Q>; response: Type<V> };
  /** The access action for reading the list and one record (apprentices `view` activities). */
  readAction?: StudioAction;
  /** The response DTO (style.md §3); also what the audit log stores. */
  view(m: EntityManager, rows: E[]): Promise<V[]>;
  /** The list's filters (the studio is already selected as `r`) and its order. */
  filter(qb: SelectQueryBuilder<E>, q: Q): void;
  order: [string, 'ASC' | 'DESC'][];
  /** The new row's values, inside the create's transaction (checks that need the database go here). */
  build(m: EntityManager, dto: C, studioId: number): Promise<Omit<E, 'id'>>;
  /**
   * Optional, for an import: many new rows' values at once, with the writes `build` makes (a
   * person per row) done in multi-row INSERTs; per dto, its values or the DomainError `build`
   * would throw. Without it, an import runs `build` row by row (buildAll in import-writer.ts).
   */
  buildMany?(
    m: EntityManager,
    dtos: C[],
    studioId: number,
  ): Promise<(Omit<E, 'id'> | DomainError)[]>;
  /** Applies a PATCH to the loaded row, inside the update's transaction. */
  apply(m: EntityManager, row: E, dto: U, studioId: number): Promise<void>;
  /** Refuses a delete the kind does not allow (e.g. an activity with check-ins). */
  beforeRemove?(m: EntityManager, row: E, studioId: number): Promise<void>;
}

/** Any kind's definition, as the registry and the generic code hold it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRecordDefinition = RecordDefinition<RecordKind, any, any, any, any, any>;

/** Types a kind's definition (the generic parameters are inferred from the entity and DTOs). */
export const defineRecord = <
  K extends RecordKind,
  E extends StudioRecord,
  V,
  C,
  U,
  Q extends PageQuery,
>(
  d: RecordDefinition<K, E, V, C, U, Q>,
): RecordDefinition<K, E, V, C, U, Q> => d;

/** The dates that place a record in an assessment period (RECORD_KINDS[kind].datedBy). */
export function datesOf(kind: RecordKind, row: ObjectLiteral): (string | null)[] {
  return RECORD_KINDS[kind].datedBy.map((f) => (row[f] as string | null | undefined) ?? null);
}
