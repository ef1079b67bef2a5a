import { PassThrough, type Writable } from 'node:stream';
import archiver from 'archiver';
import ExcelJS from 'exceljs';
import type { StudioView } from '../studios/dto/studio.dto';
import type { ExportData } from './export-data';
import type { ExportFile } from './export-file';
import { type ExportRequest, XLSX } from './export-request';
import { writeRecordsWorkbook } from './forms/records-workbook';

/**
 * 工作室档案 (yuzhong-2023 第十条（六）): one ZIP streamed entry by entry: every record as
 * spreadsheets, the forms above for this year, and a list of contents. Doubles as a backup.
 */
export async function writeArchive(
  data: ExportData,
  openChecked: (req: ExportRequest) => Promise<ExportFile>,
  studio: StudioView,
  today: string,
  out: Writable,
  /** Adds the evidence files (archive-evidence.ts) and names them in `contents`. */
  attach: (zip: archiver.Archiver, contents: string[]) => Promise<void>,
): Promise<void> {
  const zip = archiver('zip', { zlib: { level: 6 } });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    zip.on('error', reject);
  });
  zip.pipe(out);
  const contents: string[] = [];
  const add = async (name: string, file: ExportFile): Promise<void> => {
    const entry = new PassThrough();
    zip.append(entry, { name });
    await file.write(entry);
    entry.end();
    contents.push(name);
  };
  const id = studio.id;
  const [members, apprentices, certificates, activities, achievements, funds, documents] =
    await Promise.all([
      data.members(id),
      data.apprentices(id),
      data.certificates(id),
      data.activities(id),
      data.achievements(id),
      data.funds(id),
      data.documents(id),
    ]);
  const attendance = await data.attendance(
    id,
    activities.map((a) => a.id),
  );
  await add('档案数据.xlsx', {
    fileName: '',
    contentType: XLSX,
    write: async (o) => {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: o,
        useStyles: true,
        useSharedStrings: false,
      });
      await writeRecordsWorkbook(
        wb as unknown as ExcelJS.Workbook,
        {
          studio,
          members,
          apprentices,
          certificates,
          activities,
          attendance,
          achievements,
          funds,
          documents,
        },
        async (ws) => ws.commit(),
      );
      await wb.commit();
    },
  });
  const year = Number(today.slice(0, 4));
  const forms: [string, ExportRequest][] = [
    ['考核表.xlsx', { kind: 'assessment', studioId: id, asOf: today }],
    ['花名册.xlsx', { kind: 'roster', studioId: id, asOf: today }],
    ['经费台账.xlsx', { kind: 'ledger', studioId: id }],
    ['申报表.docx', { kind: 'application', studioId: id, asOf: today }],
    [`${year}年度工作总结.docx`, { kind: 'summary', studioId: id, year }],
    [`${year + 1}年度工作计划.docx`, { kind: 'plan', studioId: id, year }],
  ];
  for (const [name, req] of forms) {
    try {
      await add(`材料/${name}`, await openChecked(req));
    } catch (e) {
      contents.push(`材料/${name}：未能生成（${e instanceof Error ? e.message : String(e)}）`);
    }
  }
  await attach(zip, contents);
  zip.append(`${studio.name} 档案\n导出日期：${today}\n\n${contents.join('\n')}\n`, {
    name: '清单.txt',
  });
  await zip.finalize();
  await done;
}
