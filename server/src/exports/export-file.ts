/** An export file (its name and type known before the first byte) and the helpers that make one. */
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { type Document, Packer } from 'docx';
import ExcelJS from 'exceljs';
import { validationFailed } from '../common/domain-error';
import { safeFileName } from './content-disposition';
import { DOCX, XLSX } from './export-request';

/** A file ready to stream: its name and type are known before the first byte is written. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  write(out: Writable): Promise<void>;
}

/** Runs `write` into a stream the HTTP layer can pipe; a failure mid-way destroys the stream. */
export function streamOf(file: ExportFile): Readable {
  const out = new PassThrough();
  file.write(out).then(
    () => out.end(),
    (e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))),
  );
  return out;
}

export const workbook = (): ExcelJS.Workbook => {
  const wb = new ExcelJS.Workbook();
  wb.creator = '技能大师工作室助手';
  wb.created = new Date();
  return wb;
};
export const docx = (fileName: string, build: () => Document): ExportFile => ({
  fileName: safeFileName(fileName),
  contentType: DOCX,
  write: async (out) => {
    out.write(await Packer.toBuffer(build()));
  },
});
export const xlsx = (
  fileName: string,
  build: () => ExcelJS.Workbook | Promise<ExcelJS.Workbook>,
): ExportFile => ({
  fileName: safeFileName(fileName),
  contentType: XLSX,
  write: async (out) => (await build()).xlsx.write(out),
});

/** A request field the export needs (400 with the field named when it is missing). */
export function need<T>(v: T | undefined, field: string): T {
  if (v === undefined) throw validationFailed({ [field]: '缺少参数' });
  return v;
}
