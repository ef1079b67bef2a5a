/**
 * Cell helpers shared by every spreadsheet export: text that stays text (formula injection),
 * thin borders, A4 page set-up with the header rows repeated on each printed page.
 */
import type { Borders, Cell, PageSetup, Row, Workbook, Worksheet } from 'exceljs';

/**
 * A user-entered string as a cell value. exceljs writes a JS string as a string cell (`t="s"`),
 * never as a formula, whatever its first character; this helper is the one door for text so
 * that no caller builds a `{ formula }` or rich-text value from user input. Names starting
 * with `=`, `+`, `-` or `@` therefore open as the literal text (tested by reading back).
 */
export function text(v: string | null | undefined): string {
  const s = v ?? '';
  // A cell holds at most 32,767 characters.
  return s.length > MAX_CELL ? `${s.slice(0, MAX_CELL - 1)}…` : s;
}
const MAX_CELL = 32_000;

/** Characters a spreadsheet would read as the start of a formula if the cell were typed in. */
export const FORMULA_START = /^[=+\-@\t\r]/;

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export function boxed(row: Row, from: number, to: number): void {
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', wrapText: true, ...(cell.alignment ?? {}) };
  }
}

export function headerRow(ws: Worksheet, labels: string[]): Row {
  const row = ws.addRow(labels);
  row.font = { bold: true };
  row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  boxed(row, 1, labels.length);
  for (let c = 1; c <= labels.length; c++)
    row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  return row;
}

/** A title row merged across `width` columns. */
export function titleRow(ws: Worksheet, title: string, width: number, size = 16): Row {
  const row = ws.addRow([title]);
  ws.mergeCells(row.number, 1, row.number, width);
  row.font = { bold: true, size };
  row.alignment = { horizontal: 'center', vertical: 'middle' };
  row.height = size * 1.8;
  return row;
}

/** A line of text merged across `width` columns (notes, signature lines). */
export function noteRow(ws: Worksheet, note: string, width: number): Row {
  const row = ws.addRow([note]);
  ws.mergeCells(row.number, 1, row.number, width);
  row.alignment = { vertical: 'middle', wrapText: true };
  return row;
}

/** A4, fitted to the page width, as many pages tall as it takes; page numbers in the footer. */
export function a4Setup(landscape: boolean): Partial<PageSetup> {
  return {
    paperSize: 9, // A4
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/**
 * A worksheet set up for A4. The page set-up goes in at creation: exceljs' streaming writer
 * writes the sheet properties (fit to page) when the sheet is added.
 */
export function addSheet(
  wb: Workbook,
  name: string,
  opts: { landscape?: boolean } = {},
): Worksheet {
  const ws = wb.addWorksheet(name, { pageSetup: a4Setup(opts.landscape ?? false) });
  ws.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
  return ws;
}

/** The header row repeats at the top of every printed page. */
export function repeatOnEachPage(ws: Worksheet, header: Row): void {
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
}

const unitsOf = (s: string): number =>
  [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e7f ? 1.85 : 1), 0);

/**
 * Row heights for wrapped text: spreadsheet programs do not grow a row to fit its text on
 * opening, so each row gets the height of its tallest cell (CJK characters count double).
 */
export function fitRowHeights(ws: Worksheet, lineHeight = 14.5): void {
  const spans = new Map<string, number>();
  // Merged ranges: an object keyed by address in a Workbook's sheet, an array in the streaming writer's.
  type Range = { top: number; left: number; bottom: number; right: number };
  for (const m of Object.values(
    (ws as unknown as { _merges: Record<string, Range> | Range[] })._merges ?? {},
  ) as Range[]) {
    let w = 0;
    for (let c = m.left; c <= m.right; c++) w += ws.getColumn(c).width ?? 9;
    spans.set(`${m.top}:${m.left}`, m.bottom > m.top ? -1 : w);
  }
  ws.eachRow((row) => {
    if (row.height && row.height > lineHeight * 1.5) return;
    let lines = 1;
    row.eachCell((cell, col) => {
      if (cell.isMerged && cell.master !== cell) return;
      const width = spans.get(`${row.number}:${col}`) ?? ws.getColumn(col).width ?? 9;
      if (width < 0 || cell.value === null || cell.value === undefined) return;
      const textValue = String(cell.value);
      const n = textValue
        .split('\n')
        .reduce((k, part) => k + Math.max(1, Math.ceil(unitsOf(part) / Math.max(1, width))), 0);
      lines = Math.max(lines, n);
    });
    if (lines > 1) row.height = lines * lineHeight;
  });
}

export const widths = (ws: Worksheet, w: number[]): void => {
  w.forEach((width, i) => (ws.getColumn(i + 1).width = width));
};

export type { Cell };
