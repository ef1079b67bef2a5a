/** Downloads an export through the API and reads it back: exceljs for xlsx, jszip for docx/zip. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import request from 'supertest';
import type { App } from 'supertest/types';

export interface Downloaded {
  status: number;
  body: Buffer;
  headers: Record<string, string>;
}

export async function download(http: App, path: string, bearer?: string): Promise<Downloaded> {
  const req = request(http).get(path);
  if (bearer) req.set('authorization', bearer);
  const res = await req.buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  return {
    status: res.status,
    body: res.body as Buffer,
    headers: res.headers as Record<string, string>,
  };
}

export async function readXlsx(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** Rows of a worksheet as arrays of plain values (1-based columns at index 1). */
export function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) =>
    out.push((row.values as unknown[]).map((v) => v ?? null)),
  );
  return out;
}

/** The first row whose column `col` equals `label`. */
export function rowWhere(
  ws: ExcelJS.Worksheet,
  col: number,
  label: unknown,
): ExcelJS.Row | undefined {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && row.getCell(col).value === label) found = row;
  });
  return found;
}

/** The text of a docx: every paragraph's runs joined, paragraphs on separate lines. */
export async function docxText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

export const zipOf = (buf: Buffer): Promise<JSZip> => JSZip.loadAsync(buf);
