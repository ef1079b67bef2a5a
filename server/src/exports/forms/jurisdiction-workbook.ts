/**
 * 辖区考核汇总: every studio's sheet in one workbook for the assessment meeting. The first
 * sheet ranks the studios by total score; then one sheet per studio, in rank order, laid out
 * as writeAssessmentSheet. Written with exceljs' streaming writer: one studio sheet is in
 * memory at a time.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { LABELS_ZH } from '@master-studio/shared-rules';
import type { ScoredStudio, UnscoredStudio } from '../export-data';
import {
  addSheet,
  boxed,
  fitRowHeights,
  repeatOnEachPage,
  headerRow,
  noteRow,
  text,
  titleRow,
  widths,
} from '../xlsx/cells';
import { writeAssessmentSheet } from './assessment-sheet';

export const SUMMARY_COLUMNS = [
  '排名',
  '工作室',
  '单位',
  '总分',
  '满分',
  '基础分',
  '加分',
  '等次',
  '待评审项',
  '一票否决',
  '工作表',
];

const isScored = (s: ScoredStudio | UnscoredStudio): s is ScoredStudio => 'sheet' in s;

/** Excel sheet names: ≤ 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(rank: number, name: string): string {
  return `${rank} ${name.replace(/[[\]:*?/\\]/g, '_')}`.slice(0, 31);
}

/** Highest total first; equal totals by studio id; studios that could not be scored last. */
export function ranked(all: (ScoredStudio | UnscoredStudio)[]): (ScoredStudio | UnscoredStudio)[] {
  return [...all].sort((a, b) => {
    const ta = isScored(a) ? a.sheet.total : -Infinity;
    const tb = isScored(b) ? b.sheet.total : -Infinity;
    return tb - ta || a.head.id - b.head.id;
  });
}

export async function writeJurisdictionWorkbook(
  wb: Workbook,
  jurisdictionName: string,
  asOf: string,
  all: (ScoredStudio | UnscoredStudio)[],
  commit: (ws: Worksheet) => Promise<void>,
): Promise<void> {
  const order = ranked(all);
  const summary = addSheet(wb, '汇总', { landscape: true });
  widths(summary, [6, 34, 30, 8, 8, 8, 8, 8, 10, 9, 24]);
  titleRow(
    summary,
    `${jurisdictionName}技能大师工作室考核汇总（截至 ${asOf}）`,
    SUMMARY_COLUMNS.length,
    14,
  );
  const h = headerRow(summary, SUMMARY_COLUMNS);
  repeatOnEachPage(summary, h);
  order.forEach((s, i) => {
    const row = isScored(s)
      ? summary.addRow([
          i + 1,
          text(s.head.name),
          text(s.head.unitName),
          s.sheet.total,
          s.sheet.maxTotal,
          s.sheet.base.score,
          s.sheet.bonus.score,
          s.sheet.grade ? LABELS_ZH.grades[s.sheet.grade] : '待定',
          s.sheet.pending.length,
          s.sheet.vetoed ? '是' : '否',
          sheetName(i + 1, s.head.name),
        ])
      : summary.addRow([
          i + 1,
          text(s.head.name),
          text(s.head.unitName),
          null,
          null,
          null,
          null,
          '无法评分',
          null,
          null,
          text(s.error),
        ]);
    boxed(row, 1, SUMMARY_COLUMNS.length);
  });
  noteRow(
    summary,
    '得分为系统按档案计算的分数加评审已录入的评分；待评审项未计入，请在各工作室表中手填。',
    SUMMARY_COLUMNS.length,
  );
  fitRowHeights(summary);
  await commit(summary);
  for (const [i, s] of order.entries()) {
    if (!isScored(s)) continue;
    const ws = addSheet(wb, sheetName(i + 1, s.head.name), { landscape: true });
    writeAssessmentSheet(ws, s);
    await commit(ws);
  }
}
