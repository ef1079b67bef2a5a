import { Inject, Injectable } from '@nestjs/common';
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
import type { StudioView } from '../studios/dto/studio.dto';
import { safeFileName } from './content-disposition';
import { DownloadLinks } from './download-links';
import type { DownloadLinkView } from './dto/export.dto';
import { writeArchive } from './export-archive';
import { ExportData } from './export-data';
import { docx, type ExportFile, need, workbook, xlsx } from './export-file';
import { type ExportRequest, XLSX, ZIP } from './export-request';
import { planDocument, summaryDocument, type YearRecords } from './forms/annual-report';
import { applicationDocument } from './forms/application';
import { writeAssessmentSheet } from './forms/assessment-sheet';
import { writeAttendanceMatrix } from './forms/attendance-matrix';
import { writeFundLedger } from './forms/fund-ledger';
import { writeJurisdictionWorkbook } from './forms/jurisdiction-workbook';
import { writeRoster } from './forms/roster';
import { writeSigninSheet } from './forms/signin-sheet';
import { addSheet } from './xlsx/cells';
import { addEvidence } from './archive-evidence';

export { type ExportFile, streamOf } from './export-file';

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
          write: (out) =>
            writeArchive(
              this.data,
              (r) => this.openChecked(r),
              studio,
              today,
              out,
              (zip, contents) => addEvidence(this.evidence, zip, studio.id, contents),
            ),
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
