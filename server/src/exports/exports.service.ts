import { PassThrough, type Readable, type Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import archiver from 'archiver';
import { type Document, Packer } from 'docx';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { fromPayload, type Caller, toPayload } from '../auth/caller';
import { todayInShanghai } from '../common/dates';
import { DomainError, notFound, validationFailed } from '../common/domain-error';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { EvidenceService } from '../evidence/evidence.service';
import { Jurisdiction } from '../org/jurisdiction.entity';
import { safeFileName } from './content-disposition';
import { DownloadLinks } from './download-links';
import type { DownloadLinkView } from './dto/export.dto';
import { ExportData } from './export-data';
import { DOCX, type ExportRequest, XLSX, ZIP } from './export-request';
import { planDocument, summaryDocument, type YearRecords } from './forms/annual-report';
import { applicationDocument } from './forms/application';
import { writeRecordsWorkbook } from './forms/records-workbook';
import type { StudioView } from '../studios/dto/studio.dto';
import { writeAssessmentSheet } from './forms/assessment-sheet';
import { writeAttendanceMatrix } from './forms/attendance-matrix';
import { writeFundLedger } from './forms/fund-ledger';
import { writeJurisdictionWorkbook } from './forms/jurisdiction-workbook';
import { writeRoster } from './forms/roster';
import { writeSigninSheet } from './forms/signin-sheet';
import { addSheet } from './xlsx/cells';
import { addEvidence } from './archive-evidence';

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

const workbook = (): ExcelJS.Workbook => {
  const wb = new ExcelJS.Workbook();
  wb.creator = '技能大师工作室助手';
  wb.created = new Date();
  return wb;
};
const docx = (fileName: string, build: () => Document): ExportFile => ({
  fileName: safeFileName(fileName),
  contentType: DOCX,
  write: async (out) => {
    out.write(await Packer.toBuffer(build()));
  },
});
const xlsx = (
  fileName: string,
  build: () => ExcelJS.Workbook | Promise<ExcelJS.Workbook>,
): ExportFile => ({
  fileName: safeFileName(fileName),
  contentType: XLSX,
  write: async (out) => (await build()).xlsx.write(out),
});

/**
 * Every export: the access check first (the same action as the data behind it: `read` for a
 * studio's records and sheet, the jurisdiction check for the bureau's workbook), then the
 * loaders, then a form file that streams to the response.
 */
@Injectable()
export class ExportsService {
  private readonly links: DownloadLinks;

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly data: ExportData,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly evidence: EvidenceService,
  ) {
    this.links = new DownloadLinks(config.auth.jwtSecret);
  }

  /** A short-lived link for one export, after the same access check the download will make. */
  async createLink(caller: Caller, req: ExportRequest): Promise<DownloadLinkView> {
    const file = await this.open(caller, req);
    const { token, expiresAt } = this.links.sign(toPayload(caller), req, Date.now());
    return { url: `/exports/download?token=${token}`, fileName: file.fileName, expiresAt };
  }

  /** The export a link names, for the caller it was issued to (grants re-checked as for any request). */
  async openLink(token: string): Promise<ExportFile> {
    const v = this.links.verify(token, Date.now());
    if (!v.ok)
      throw new DomainError(
        'UNAUTHENTICATED',
        v.reason === 'expired' ? '下载链接已过期，请重新导出' : '下载链接无效，请重新导出',
      );
    return this.open(await this.access.effectiveCaller(fromPayload(v.payload)), v.request);
  }

  async open(caller: Caller, req: ExportRequest): Promise<ExportFile> {
    if (req.kind === 'jurisdiction')
      return this.jurisdiction(
        caller,
        need(req.jurisdictionId, 'jurisdictionId'),
        req.asOf ?? todayInShanghai(),
      );
    await this.access.requireStudio(caller, need(req.studioId, 'studioId'), 'read');
    return this.openChecked(req);
  }

  /** A studio export for a caller that has passed the `read` check (the archive's parts). */
  private async openChecked(req: ExportRequest): Promise<ExportFile> {
    if (req.kind === 'jurisdiction') throw validationFailed({ kind: '辖区汇总不属于工作室档案' });
    const studioId = need(req.studioId, 'studioId');
    const studio = await this.data.studio(studioId);
    const today = todayInShanghai();
    const asOf = req.asOf ?? today;
    switch (req.kind) {
      case 'assessment': {
        // Scored before the first byte: facts the rules reject answer RULES_REJECTED, not a broken file.
        const scored = await this.data.scoredStudio(studioId, asOf);
        return xlsx(`${studio.name}考核表（${asOf}）.xlsx`, () => {
          const wb = workbook();
          writeAssessmentSheet(addSheet(wb, '考核表', { landscape: true }), scored);
          return wb;
        });
      }
      case 'roster':
        return xlsx(`${studio.name}花名册（${asOf}）.xlsx`, async () => {
          const [apprentices, certificates, members] = await Promise.all([
            this.data.apprentices(studioId),
            this.data.certificates(studioId),
            this.data.members(studioId),
          ]);
          const wb = workbook();
          writeRoster(wb, studio, apprentices, certificates, members, asOf);
          return wb;
        });
      case 'signin': {
        const activity = await this.data.activity(studioId, need(req.activityId, 'activityId'));
        return xlsx(`${activity.title}签到表（${activity.date}）.xlsx`, async () => {
          const rows = await this.data.attendance(studioId, [activity.id]);
          const wb = workbook();
          writeSigninSheet(wb, studio, activity, rows);
          return wb;
        });
      }
      case 'attendance': {
        const month = req.month ?? today.slice(0, 7);
        return xlsx(`${studio.name}签到汇总（${month}）.xlsx`, async () => {
          const [all, apprentices] = await Promise.all([
            this.data.activities(studioId),
            this.data.apprentices(studioId),
          ]);
          const acts = all.filter((a) => a.date.startsWith(month));
          const rows = await this.data.attendance(
            studioId,
            acts.map((a) => a.id),
          );
          const wb = workbook();
          writeAttendanceMatrix(wb, studio, month, acts, apprentices, rows);
          return wb;
        });
      }
      case 'ledger':
        return xlsx(
          `${studio.name}经费台账（${req.year !== undefined ? `${req.year}年` : '全部'}）.xlsx`,
          async () => {
            const funds = await this.data.funds(studioId);
            const wb = workbook();
            writeFundLedger(wb, studio, funds, req.year);
            return wb;
          },
        );
      case 'application': {
        const [members, achievements] = await Promise.all([
          this.data.members(studioId),
          this.data.achievements(studioId),
        ]);
        const { progress } = await this.data.scoredStudio(studioId, asOf);
        const onTeam = members.filter(
          (m) =>
            (m.joinedOn === null || m.joinedOn <= asOf) && (m.leftOn === null || m.leftOn > asOf),
        );
        const app = applicationDocument({ studio, members: onTeam, achievements, progress, asOf });
        if (!app) throw notFound('该政策的申报表');
        return docx(`${studio.name}${app.title}.docx`, () => app.doc);
      }
      case 'summary':
      case 'plan': {
        const year = req.year ?? Number(today.slice(0, 4));
        const records = await this.yearRecords(studio, year, today);
        const built =
          req.kind === 'summary' ? summaryDocument(records, year) : planDocument(records, year);
        return docx(`${built.fileTitle}.docx`, () => built.doc);
      }
      case 'archive':
        return {
          fileName: safeFileName(`${studio.name}档案（${today}）.zip`),
          contentType: ZIP,
          write: (out) => this.archive(studio, today, out),
        };
      default:
        throw validationFailed({ kind: '暂不支持该导出' });
    }
  }

  /** The year's records and the progress at its end (or today, if earlier). */
  private async yearRecords(studio: StudioView, year: number, today: string): Promise<YearRecords> {
    const id = studio.id;
    const end = `${year}-12-31` < today ? `${year}-12-31` : today;
    const [members, apprentices, certificates, activities, achievements, funds, scored] =
      await Promise.all([
        this.data.members(id),
        this.data.apprentices(id),
        this.data.certificates(id),
        this.data.activities(id),
        this.data.achievements(id),
        this.data.funds(id),
        this.data.scoredStudio(id, end),
      ]);
    return {
      studio,
      members: members.filter((m) => m.leftOn === null || m.leftOn > end),
      apprentices,
      certificates,
      activities,
      achievements,
      funds,
      progress: scored.progress,
    };
  }

  /**
   * 工作室档案 (yuzhong-2023 第十条（六）): one ZIP streamed entry by entry: every record as
   * spreadsheets, the forms above for this year, and a list of contents. Doubles as a backup.
   */
  private async archive(studio: StudioView, today: string, out: Writable): Promise<void> {
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
        this.data.members(id),
        this.data.apprentices(id),
        this.data.certificates(id),
        this.data.activities(id),
        this.data.achievements(id),
        this.data.funds(id),
        this.data.documents(id),
      ]);
    const attendance = await this.data.attendance(
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
        await add(`材料/${name}`, await this.openChecked(req));
      } catch (e) {
        contents.push(`材料/${name}：未能生成（${e instanceof Error ? e.message : String(e)}）`);
      }
    }
    await addEvidence(this.evidence, zip, id, contents);
    zip.append(`${studio.name} 档案\n导出日期：${today}\n\n${contents.join('\n')}\n`, {
      name: '清单.txt',
    });
    await zip.finalize();
    await done;
  }

  /** The bureau's workbook: the jurisdiction's studios, loaded by the set-based loader, streamed sheet by sheet. */
  private async jurisdiction(
    caller: Caller,
    jurisdictionId: number,
    asOf: string,
  ): Promise<ExportFile> {
    await this.access.requireJurisdiction(caller, jurisdictionId);
    const j = await this.db.getRepository(Jurisdiction).findOneBy({ id: jurisdictionId });
    if (!j) throw notFound('辖区');
    return {
      fileName: safeFileName(`${j.name}考核汇总（${asOf}）.xlsx`),
      contentType: XLSX,
      write: async (out) => {
        const all = await this.data.scored({ jurisdictionId }, asOf);
        const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
          stream: out,
          useStyles: true,
          useSharedStrings: false,
        });
        await writeJurisdictionWorkbook(
          wb as unknown as ExcelJS.Workbook,
          j.name,
          asOf,
          all,
          async (ws) => ws.commit(),
        );
        await wb.commit();
      },
    };
  }
}

function need<T>(v: T | undefined, field: string): T {
  if (v === undefined) throw validationFailed({ [field]: '缺少参数' });
  return v;
}
