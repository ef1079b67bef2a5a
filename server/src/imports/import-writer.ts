/**
 * The database half of an import, inside the caller's transaction: each converted row is
 * checked as the API would check it (the create DTO class through class-validator, hidden
 * characters, the kind's build/apply steps from the record registry, the finalized-period lock,
 * sign-offs) and written: created, or the record with the same natural key updated or skipped.
 */
import { RECORD_KINDS, type RecordKind } from '@master-studio/shared-rules';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { type EntityManager, In, type ObjectLiteral } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { hiddenCharacterFields, validationFields } from '../common/validation';
import { finalizedPeriodsOf, periodCovering } from '../periods/finalized-lock';
import { datesOf, type AnyRecordDefinition } from '../records/record-definition';
import { RECORD_DEFINITIONS } from '../records/record-kinds';
import { INSERT_CHUNK, insertMany } from '../database/insert-many';
import { Signoff } from '../signoffs/signoff.entity';
import type { ImportRowView } from './dto/import.dto';
import type { ImportKind } from './import-kinds';
import type { ConvertedRow } from './rows';

export interface SheetRow extends ConvertedRow {
  line: number;
}

export interface RowOutcome extends ImportRowView {
  /** The record's view before an update (null for a create), for the audit. */
  written: { id: number; before: unknown } | null;
}

const norm = (v: unknown): string =>
  v === null || v === undefined
    ? ''
    : typeof v === 'boolean'
      ? v
        ? '1'
        : '0'
      : typeof v === 'number'
        ? String(Number(v))
        : String(v);

const ROW = '_row';

/** `{ name → [apprentice ids] }` of the studio's roster (certificates name their holder). */
async function rosterByName(m: EntityManager, studioId: number): Promise<Map<string, number[]>> {
  const def = RECORD_DEFINITIONS.apprentice;
  const views = await def.view(m, await m.getRepository(def.entity).findBy({ studioId }));
  const out = new Map<string, number[]>();
  for (const v of views) out.set(v.name, [...(out.get(v.name) ?? []), v.id]);
  return out;
}

/** A DomainError of a build/apply step as row errors (its fields, or the message for the row). */
function errorsOf(e: unknown): Record<string, string> {
  if (!(e instanceof DomainError)) throw e;
  return e.fields && Object.keys(e.fields).length > 0 ? { ...e.fields } : { [ROW]: e.message };
}

export async function applyRows(
  m: EntityManager,
  kind: RecordKind,
  spec: ImportKind,
  studioId: number,
  rows: readonly SheetRow[],
): Promise<RowOutcome[]> {
  const def = RECORD_DEFINITIONS[kind] as AnyRecordDefinition;
  const noun = RECORD_KINDS[kind].noun;
  const headerOf = new Map(spec.fields.map((f) => [f.key as string, f.header]));
  const keyOf = (v: ObjectLiteral): string => spec.naturalKey.map((k) => norm(v[k])).join('\u0001');

  const existingRows = (await m.getRepository(def.entity).findBy({ studioId })) as ObjectLiteral[];
  const existingViews = (await def.view(m, existingRows)) as ObjectLiteral[];
  const existing = new Map<string, { row: ObjectLiteral; view: ObjectLiteral }>();
  existingViews.forEach((view, i) => {
    const key = keyOf(view);
    if (!existing.has(key)) existing.set(key, { row: existingRows[i]!, view });
  });
  const signedOff = new Set(
    (
      await m
        .getRepository(Signoff)
        .find({ where: { studioId, recordType: kind }, select: { recordId: true } })
    ).map((s) => s.recordId),
  );
  const periods = await finalizedPeriodsOf(m, studioId);
  const roster = kind === 'certificate' ? await rosterByName(m, studioId) : null;
  const seen = new Map<string, number>();
  const out: RowOutcome[] = [];
  const creates: { o: RowOutcome; dto: object }[] = [];

  for (const r of rows) {
    const o: RowOutcome = {
      line: r.line,
      action: 'error',
      values: { ...r.values },
      errors: { ...r.errors },
      warnings: { ...r.warnings },
      changes: [],
      recordId: null,
      written: null,
    };
    out.push(o);
    const body: Record<string, unknown> = { ...r.values };
    if (roster) {
      const name = body.apprenticeName as string | undefined;
      delete body.apprenticeName;
      const ids = name ? (roster.get(name) ?? []) : [];
      if (name && ids.length === 0)
        o.errors.apprenticeName = `花名册中没有“${name}”，请先导入或录入这名学徒`;
      else if (ids.length > 1)
        o.errors.apprenticeName = `花名册中有 ${ids.length} 名“${name}”，无法确定是哪一位，请在 App 中逐条录入`;
      else if (ids.length === 1) body.apprenticeId = ids[0];
    }
    // The API's checks: hidden characters, then the create DTO's validators.
    const dto = plainToInstance(def.dto.create, body) as object;
    const fields = {
      ...validationFields(await validate(dto, { whitelist: true, forbidNonWhitelisted: true })),
      ...hiddenCharacterFields(body),
    };
    for (const [k0, msg] of Object.entries(fields)) {
      const k = roster && k0 === 'apprenticeId' ? 'apprenticeName' : k0;
      if (!o.errors[k]) o.errors[k] = msg;
    }
    if (Object.keys(o.errors).length > 0) continue;

    const key = keyOf(body);
    const twin = seen.get(key);
    if (twin !== undefined) {
      o.action = 'skip';
      o.warnings[ROW] = `与第 ${twin} 行是同一条${noun}，已跳过`;
      continue;
    }
    seen.set(key, r.line);
    const hit = existing.get(key);
    if (!hit) {
      // Created after the loop, all at once (multi-row INSERTs).
      creates.push({ o, dto });
      continue;
    }
    try {
      const id = Number(hit.row.id);
      o.recordId = id;
      const patch = Object.fromEntries(
        Object.entries(body).filter(([k, v]) => norm(v) !== norm(hit.view[k])),
      );
      const changed = Object.keys(patch);
      if (changed.length === 0) {
        o.action = 'skip';
        o.warnings[ROW] ??= `已有这条${noun}，内容相同，跳过`;
        continue;
      }
      o.changes = changed.map((k) => headerOf.get(k) ?? k);
      if (signedOff.has(id)) {
        o.action = 'skip';
        o.warnings[ROW] =
          `已有这条${noun}且已由单位审核确认，表中的改动（${o.changes.join('、')}）不会保存`;
        continue;
      }
      const wasIn = periodCovering(periods, datesOf(kind, hit.row));
      if (wasIn)
        throw new DomainError(
          'PERIOD_FINALIZED',
          `已有这条${noun}，但它在 ${wasIn.from} 至 ${wasIn.to} 已定稿的考核期内，不能修改`,
        );
      await def.apply(m, hit.row, plainToInstance(def.dto.update, patch), studioId);
      const p = periodCovering(periods, datesOf(kind, hit.row));
      if (p)
        throw new DomainError(
          'PERIOD_FINALIZED',
          `${p.from} 至 ${p.to} 的考核已定稿，不能改到这一期间`,
        );
      await m.save(def.entity, hit.row);
      Object.assign(o, { action: 'update', written: { id, before: hit.view } });
      hit.view = { ...hit.view, ...patch };
    } catch (e) {
      o.errors = { ...o.errors, ...errorsOf(e) };
      o.action = 'error';
    }
  }
  // The new records: their values (the kind's build steps, batched), the finalized-period lock,
  // then multi-row INSERTs. A row refused here is an error like any other (a commit then writes
  // nothing: the caller's transaction is rolled back).
  for (let i = 0; i < creates.length; i += INSERT_CHUNK) {
    const chunk = creates.slice(i, i + INSERT_CHUNK);
    const built = await buildAll(
      def,
      m,
      chunk.map((c) => c.dto),
      studioId,
    );
    const ready: { o: RowOutcome; values: ObjectLiteral }[] = [];
    chunk.forEach(({ o }, k) => {
      const values = built[k]!;
      if (values instanceof DomainError) {
        o.errors = { ...o.errors, ...errorsOf(values) };
        return;
      }
      const p = periodCovering(periods, datesOf(kind, values));
      if (p) {
        o.errors[ROW] = `${p.from} 至 ${p.to} 的考核已定稿，不能新增这一期间的${noun}`;
        return;
      }
      ready.push({ o, values });
    });
    const ids = await insertMany(
      m,
      def.entity,
      ready.map((r) => r.values),
    );
    ready.forEach(({ o }, k) => {
      const id = ids[k]!;
      Object.assign(o, { action: 'create', recordId: id, written: { id, before: null } });
    });
  }
  return out;
}

/** The kind's buildMany, or its build row by row; per dto, its values or the DomainError. */
async function buildAll(
  def: AnyRecordDefinition,
  m: EntityManager,
  dtos: object[],
  studioId: number,
): Promise<(ObjectLiteral | DomainError)[]> {
  if (def.buildMany)
    return (await def.buildMany(m, dtos, studioId)) as (ObjectLiteral | DomainError)[];
  const out: (ObjectLiteral | DomainError)[] = [];
  for (const dto of dtos) {
    try {
      out.push((await def.build(m, dto, studioId)) as ObjectLiteral);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      out.push(e);
    }
  }
  return out;
}

/** One audit entry per written record: action `import`, the view after, the file's name and hash. */
export async function auditImported(
  m: EntityManager,
  audit: AuditService,
  accountId: number,
  kind: RecordKind,
  studioId: number,
  outcome: readonly RowOutcome[],
  file: { fileName: string; sha256: string },
): Promise<void> {
  const def = RECORD_DEFINITIONS[kind] as AnyRecordDefinition;
  const written = outcome.filter((o) => o.written !== null);
  for (let i = 0; i < written.length; i += 500) {
    const chunk = written.slice(i, i + 500);
    const rows = (await m
      .getRepository(def.entity)
      .findBy({ id: In(chunk.map((o) => o.written!.id)) })) as ObjectLiteral[];
    const views = (await def.view(m, rows)) as ObjectLiteral[];
    const viewOf = new Map(views.map((v) => [Number(v.id), v]));
    await audit.recordMany(
      m,
      chunk.map((o) => ({
        studioId,
        accountId,
        recordType: kind,
        recordId: o.written!.id,
        action: 'import' as const,
        before: o.written!.before,
        after: { ...viewOf.get(o.written!.id), importedFrom: { ...file, line: o.line } },
      })),
    );
  }
}
