// Over 300 lines: preview and commit are one pipeline (read, match, convert, validate, write in one
// transaction); its steps share the row state and read best in order.
/**
 * Imports a studio's records from a spreadsheet: read (parse/), match the header, convert each
 * row to the body the API's create takes, validate it with the API's own DTO class and the
 * kind's own build/apply steps (the record registry), then write every row in ONE transaction.
 * A preview runs the very same writes and rolls them back, so what it shows (row by row, and the
 * targets and assessment before and after, from shared-rules) is what a commit does. A commit
 * with any row in error writes nothing. Rows matching a record already there by the kind's
 * natural key update it (only the columns the sheet has) or are skipped when nothing changed.
 */
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RECORD_KINDS } from '@master-studio/shared-rules';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Caller } from '../auth/caller';
import { todayInShanghai } from '../common/dates';
import { DomainError, notFound } from '../common/domain-error';
import { lockStudio } from '../periods/finalized-lock';
import { FactsLoader } from '../progress/facts.loader';
import { RulesService } from '../rules/rules.service';
import { AuditService } from '../audit/audit.service';
import type { ImportResultView, ImportKindView, ImportTargetChangeView } from './dto/import.dto';
import { IMPORT_KIND_NAMES, importKindOfPath, type ImportKind, specOf } from './import-kinds';

/** What reading a sheet needs of a kind: its columns (and the dates checked against today). */
type RowSpec = Pick<ImportKind, 'fields' | 'notAfterToday' | 'title'>;
import { applyRows, auditImported, type RowOutcome, type SheetRow } from './import-writer';
import { applyStudioRows, STUDIO_BATCH } from './jurisdiction-import';
import { cellText, type CellValue } from './parse/cells';
import { readSheet } from './parse/read-file';
import { isBlankRow, locateHeader } from './parse/table';
import { convertRow } from './rows';
import { MAX_IMPORT_ROWS } from './import-limits';

const refuse = (message: string): DomainError => new DomainError('IMPORT_FILE_REFUSED', message);

class Rollback extends Error {
  constructor(readonly result: ImportResultView) {
    super('preview');
  }
}

/** True for the template's example row left in place. */
function isExampleRow(
  spec: RowSpec,
  columns: ReadonlyMap<string, number>,
  row: readonly CellValue[],
): boolean {
  let compared = 0;
  for (const f of spec.fields) {
    const col = columns.get(f.key);
    if (col === undefined || f.example === '') continue;
    compared++;
    if (cellText(row[col] ?? null) !== f.example) return false;
  }
  return compared > 0;
}

export const sha256Of = (buf: Buffer): string => createHash('sha256').update(buf).digest('hex');

@Injectable()
export class ImportsService {
  constructor(
    private readonly access: AccessService,
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly facts: FactsLoader,
    private readonly rules: RulesService,
  ) {}

  kinds(): ImportKindView[] {
    return IMPORT_KIND_NAMES.map((k) => {
      const spec = specOf(k);
      return {
        kind: k,
        path: RECORD_KINDS[k].path,
        title: spec.title,
        columns: spec.fields.map((f) => ({
          key: f.key,
          header: f.header,
          required: f.required,
          present: true,
        })),
      };
    });
  }

  async run(
    caller: Caller,
    studioId: number,
    kindPath: string,
    file: unknown,
    fileName: string | undefined,
    commit: boolean,
  ): Promise<ImportResultView> {
    const kind = importKindOfPath(kindPath);
    if (!kind) throw notFound('导入类型');
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    const spec = specOf(kind);
    const today = todayInShanghai();
    return this.execute(kind, spec, file, fileName, commit, async (m, rows, meta) => {
      await lockStudio(m, studio.id, 'write');
      const before = await this.measure(m, studio.id, today);
      const outcome = await applyRows(m, kind, spec, studio.id, rows);
      return {
        outcome,
        after: async () => {
          const after = await this.measure(m, studio.id, today);
          return {
            targets: diffTargets(before, after),
            sheet: before && after ? { before: before.total, after: after.total } : null,
          };
        },
        audit: () => auditImported(m, this.audit, caller.accountId, kind, studio.id, outcome, meta),
      };
    });
  }

  /** A reviewer's batch of studios (units, studios, leaders to invite) for the jurisdiction. */
  async runJurisdiction(
    caller: Caller,
    jurisdictionId: number,
    file: unknown,
    fileName: string | undefined,
    commit: boolean,
  ): Promise<ImportResultView> {
    const j = await this.access.requireJurisdiction(caller, jurisdictionId);
    return this.execute('studio', STUDIO_BATCH, file, fileName, commit, async (m, rows, meta) => ({
      outcome: await applyStudioRows(
        m,
        commit ? this.audit : null,
        caller.accountId,
        j.id,
        rows,
        meta,
      ),
      after: async () => ({ targets: [], sheet: null }),
      audit: async () => undefined,
    }));
  }

  /** Read, locate the header, convert; then `work` in one transaction, rolled back for a preview. */
  private async execute(
    kind: string,
    spec: RowSpec,
    file: unknown,
    fileName: string | undefined,
    commit: boolean,
    work: (
      m: EntityManager,
      rows: SheetRow[],
      meta: { fileName: string; sha256: string },
    ) => Promise<{
      outcome: (RowOutcome & { code?: string })[];
      after: () => Promise<Pick<ImportResultView, 'targets' | 'sheet'>>;
      audit: () => Promise<void>;
    }>,
  ): Promise<ImportResultView> {
    if (!Buffer.isBuffer(file))
      throw refuse('请以 application/octet-stream 上传文件内容（.xlsx 或 CSV）');
    const sheet = await readSheet(file);
    const located = locateHeader(sheet.rows, spec.fields);
    if (!located.ok) throw refuse(located.error);
    const { headerIndex, columns, ignored } = located.table;
    const today = todayInShanghai();
    const rows: SheetRow[] = [];
    const examples: number[] = [];
    for (let i = headerIndex + 1; i < sheet.rows.length; i++) {
      const cells = sheet.rows[i] ?? [];
      if (isBlankRow(cells)) continue;
      if (isExampleRow(spec, columns, cells)) {
        examples.push(i + 1);
        continue;
      }
      if (rows.length === MAX_IMPORT_ROWS)
        throw new DomainError(
          'IMPORT_TOO_MANY_ROWS',
          `每个文件最多导入 ${MAX_IMPORT_ROWS} 行，这个文件超过了；请分成几个文件分别导入`,
        );
      rows.push({ line: i + 1, ...convertRow(spec, columns, cells, today) });
    }
    if (rows.length === 0) throw refuse('表头下面没有数据行');
    const meta = { fileName: (fileName ?? '').trim() || '未命名文件', sha256: sha256Of(file) };

    const inTransaction = async (m: EntityManager): Promise<ImportResultView> => {
      const done = await work(m, rows, meta);
      const outcome = done.outcome;
      const errors = outcome.filter((r) => r.action === 'error');
      if (commit && errors.length > 0) {
        const fields: Record<string, string> = {};
        for (const r of errors.slice(0, 50))
          for (const [k, msg] of Object.entries(r.errors)) fields[`第${r.line}行.${k}`] = msg;
        throw new DomainError(
          'IMPORT_HAS_ERRORS',
          `有 ${errors.length} 行有错误，没有导入任何记录；请修改后重新上传`,
          fields,
        );
      }
      const count = (a: string): number => outcome.filter((r) => r.action === a).length;
      const result: ImportResultView = {
        kind,
        title: spec.title,
        ...meta,
        format: sheet.format,
        encoding: sheet.encoding ?? null,
        headerLine: headerIndex + 1,
        columns: spec.fields.map((f) => ({
          key: f.key,
          header: f.header,
          required: f.required,
          present: columns.has(f.key),
        })),
        ignoredColumns: ignored,
        counts: {
          total: outcome.length + examples.length,
          create: count('create'),
          update: count('update'),
          skip: count('skip') + examples.length,
          error: errors.length,
        },
        rows: [
          ...examples.map((line) => ({
            line,
            action: 'skip' as const,
            values: {},
            errors: {},
            warnings: { _row: '模板中的示例行，已跳过' },
            changes: [],
            recordId: null,
          })),
          ...outcome.map(({ written: _w, ...r }) => r),
        ].sort((a, b) => a.line - b.line),
        ...(await done.after()),
        committed: commit,
      };
      if (!commit) throw new Rollback(result);
      await done.audit();
      return result;
    };
    try {
      return await this.db.transaction(inTransaction);
    } catch (e) {
      if (e instanceof Rollback) return e.result;
      throw e;
    }
  }

  /** Targets and the sheet's total from shared-rules, or null when the rules cannot run on the facts. */
  private async measure(
    m: EntityManager,
    studioId: number,
    today: string,
  ): Promise<{ targets: Measured[]; total: number } | null> {
    try {
      const facts = (await this.facts.load({ studioId }, today, m)).get(studioId)?.facts;
      if (!facts) return null;
      const progress = this.rules.evaluate(facts, today);
      return {
        targets: progress.targets.map((t) => ({
          id: t.id,
          label: t.label,
          required: t.required,
          actual: t.actual,
          met: t.met,
        })),
        total: this.rules.score(facts, today).total,
      };
    } catch {
      return null;
    }
  }
}

interface Measured {
  id: string;
  label: string;
  required: number;
  actual: number;
  met: boolean;
}

function diffTargets(
  before: { targets: Measured[] } | null,
  after: { targets: Measured[] } | null,
): ImportTargetChangeView[] {
  if (!before || !after) return [];
  return after.targets.flatMap((t) => {
    const prev = before.targets.find((b) => b.id === t.id);
    if (prev && prev.actual === t.actual && prev.met === t.met) return [];
    return [
      {
        id: t.id,
        label: t.label,
        required: t.required,
        before: prev?.actual ?? 0,
        after: t.actual,
        nowMet: t.met && !(prev?.met ?? false),
      },
    ];
  });
}
