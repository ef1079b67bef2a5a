/**
 * Reads an uploaded file into rows of cell values: .xlsx through exceljs (after zip-guard.ts),
 * CSV or tab-separated text in UTF-8 (with or without BOM), UTF-16 (Excel's “Unicode 文本”) or
 * GBK/GB18030 (what Excel on Chinese Windows saves as CSV). An old .xls or an encrypted workbook
 * (both OLE compound files) is refused with what to do instead.
 */
import { parseString } from '@fast-csv/parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { DomainError } from '../../common/domain-error';
import type { CellValue } from './cells';
import { guardXlsx } from './zip-guard';

export interface ReadSheet {
  format: 'xlsx' | 'csv';
  /** The text encoding a CSV was read in. */
  encoding?: 'utf-8' | 'gbk' | 'utf-16le';
  rows: CellValue[][];
}

const refuse = (message: string): DomainError => new DomainError('IMPORT_FILE_REFUSED', message);

const OLE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

export type Sniffed = 'xlsx' | 'ole' | 'text' | 'binary';

export function sniff(buf: Buffer): Sniffed {
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  if (buf.subarray(0, 8).equals(OLE)) return 'ole';
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'text';
  return buf.subarray(0, 8192).includes(0) ? 'binary' : 'text';
}

/** UTF-8 (BOM or valid without), UTF-16LE by BOM, else GBK (GB18030, its superset). */
export function decodeText(buf: Buffer): { text: string; encoding: 'utf-8' | 'gbk' | 'utf-16le' } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: buf.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'gbk' };
  }
}

/** Tab when the first line has more tabs than commas (Excel's 文本文件/Unicode 文本), else comma. */
export function delimiterOf(text: string): ',' | '\t' {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string): number => first.split(c).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

export function parseCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString<string[], string[]>(text, { delimiter: delimiterOf(text), headers: false })
      .on('error', () =>
        reject(refuse('CSV 文件格式有误（引号不配对等），请在 Excel 中重新保存后再试')),
      )
      .on('data', (row: string[]) => rows.push(row))
      .on('end', () => resolve(rows));
  });
}

/** One exceljs cell value as a plain value: rich text joined, a formula's cached result, a link's text. */
export function plainCell(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date)
    return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return plainCell((v.result ?? null) as ExcelJS.CellValue);
    if ('text' in v) return plainCell(v.text as ExcelJS.CellValue);
    if ('error' in v) return null;
  }
  return null;
}

export async function readXlsx(buf: Buffer): Promise<CellValue[][]> {
  guardXlsx(buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw refuse('文件已损坏或不是有效的 Excel 工作簿（.xlsx），请在 Excel 中重新保存后再试');
  }
  // The first sheet with data (templates put notes on a second sheet).
  const ws = wb.worksheets.find((s) => s.actualRowCount > 0 && s.state !== 'hidden');
  if (!ws) return [];
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      // A merged area's value sits in its top-left cell only (a title over the header).
      cells[c - 1] = cell.isMerged && cell.master !== cell ? null : plainCell(cell.value);
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? null);
  });
  return Array.from(rows, (r) => r ?? []);
}

/** The file's rows; IMPORT_FILE_REFUSED for what cannot be read safely. */
export async function readSheet(buf: Buffer): Promise<ReadSheet> {
  if (buf.length === 0) throw refuse('文件是空的');
  switch (sniff(buf)) {
    case 'xlsx':
      return { format: 'xlsx', rows: await readXlsx(buf) };
    case 'ole':
      throw refuse(
        buf.includes(ENCRYPTION_INFO)
          ? '文件设置了打开密码，请在 Excel 中取消密码并另存为 .xlsx 后再导入'
          : '这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入',
      );
    case 'binary':
      throw refuse('不是表格文件：请上传 .xlsx 或 CSV 文件');
    case 'text': {
      const { text, encoding } = decodeText(buf);
      return { format: 'csv', encoding, rows: await parseCsv(text) };
    }
  }
}
