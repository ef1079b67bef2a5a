/**
 * Finds the header row of a sheet and matches its columns to fields by name. People put a
 * merged title (XX工作室学徒花名册) and notes above the header, mark required columns with *
 * or （必填）, and name columns in their own words: each field lists its synonyms.
 */
import { type CellValue, cellText, toHalfWidth } from './cells';

export interface ColumnSpec {
  key: string;
  /** The template's header; the first name matched. */
  header: string;
  synonyms: readonly string[];
  required: boolean;
}

export interface LocatedTable {
  /** 0-based index of the header row. */
  headerIndex: number;
  /** field key → 0-based column. */
  columns: Map<string, number>;
  /** Headers of columns no field takes (reported as a warning). */
  ignored: string[];
}

/** How many rows from the top are searched for the header. */
export const HEADER_SEARCH_ROWS = 20;

/** '姓名*' '协议签订日期（YYYY-MM-DD）' '学员 姓名' → '姓名' '协议签订日期' '学员姓名'. */
export function normalizeHeader(v: CellValue): string {
  return toHalfWidth(cellText(v))
    .replace(/\(.*?\)|（.*?）|\[.*?]|【.*?】/g, '')
    .replace(/[\s*:：]/g, '')
    .toLowerCase();
}

function matchRow(row: readonly CellValue[], specs: readonly ColumnSpec[]): LocatedTable {
  const columns = new Map<string, number>();
  const ignored: string[] = [];
  row.forEach((cell, col) => {
    const h = normalizeHeader(cell);
    if (!h) return;
    const spec = specs.find(
      (s) =>
        !columns.has(s.key) &&
        [s.header, ...s.synonyms].some((name) => normalizeHeader(name) === h),
    );
    if (spec) columns.set(spec.key, col);
    else ignored.push(cellText(cell));
  });
  return { headerIndex: -1, columns, ignored };
}

export type HeaderResult = { ok: true; table: LocatedTable } | { ok: false; error: string };

/**
 * The first of the top rows that names every required field; if none does, the error names
 * the required columns the best row lacks.
 */
export function locateHeader(
  rows: readonly (readonly CellValue[])[],
  specs: readonly ColumnSpec[],
): HeaderResult {
  let best: { table: LocatedTable; score: number } | null = null;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const table = { ...matchRow(rows[i] ?? [], specs), headerIndex: i };
    const missing = specs.filter((s) => s.required && !table.columns.has(s.key));
    if (missing.length === 0 && table.columns.size > 0) return { ok: true, table };
    if (!best || table.columns.size > best.score) best = { table, score: table.columns.size };
  }
  const required = specs.filter((s) => s.required);
  if (!best || best.score === 0)
    return {
      ok: false,
      error: `没有找到表头：前 ${HEADER_SEARCH_ROWS} 行中应有一行列名，至少包括${required.map((s) => `“${s.header}”`).join('、')}`,
    };
  const missing = required.filter((s) => !best.table.columns.has(s.key));
  return {
    ok: false,
    error: `表头第 ${best.table.headerIndex + 1} 行缺少必填列：${missing.map((s) => `“${s.header}”`).join('、')}`,
  };
}

/** A row with no text in any cell (blank lines between blocks, trailing formatted rows). */
export const isBlankRow = (row: readonly CellValue[]): boolean =>
  row.every((c) => cellText(c) === '');
