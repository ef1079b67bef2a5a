/** What can be exported, and the one request shape every route and download link carries. */
export const EXPORT_KINDS = [
  'assessment', // 考核表 (xlsx)
  'application', // 申报表 / 申请表 (docx)
  'roster', // 花名册 (xlsx)
  'signin', // 一次活动的签到表 (xlsx)
  'attendance', // 月度签到汇总 (xlsx)
  'ledger', // 经费台账 (xlsx)
  'summary', // 年度工作总结 (docx)
  'plan', // 下一年度工作计划 (docx)
  'archive', // 工作室档案 (zip)
  'jurisdiction', // 辖区考核汇总 (xlsx)
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportRequest {
  kind: ExportKind;
  studioId?: number;
  jurisdictionId?: number;
  activityId?: number;
  /** YYYY-MM-DD: assessment, roster, jurisdiction, application. */
  asOf?: string;
  /** YYYY-MM: attendance. */
  month?: string;
  /** ledger, summary, plan (the plan is for year + 1). */
  year?: number;
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ZIP = 'application/zip';
