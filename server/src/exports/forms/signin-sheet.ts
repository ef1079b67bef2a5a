/**
 * 签到表 for one activity: who checked in, when and how, with a signature column for the
 * paper copy. Walk-ins recorded only as a number (extraAttendance) get blank lines to sign,
 * and a sheet with few names gets blank lines up to MIN_LINES for paper use.
 */
import type { Workbook } from 'exceljs';
import { LABELS_ZH } from '@master-studio/shared-rules';
import type { ActivityView } from '../../activities/dto/activity.dto';
import type { StudioView } from '../../studios/dto/studio.dto';
import type { AttendanceRow } from '../export-data';
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

export const SIGNIN_COLUMNS = ['序号', '姓名', '签到时间', '签到方式', '本人签名'];
const MIN_LINES = 15;

/** `YYYY-MM-DD HH:mm` in Beijing time. */
export const beijingTime = (d: Date): string =>
  new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export function writeSigninSheet(
  wb: Workbook,
  studio: StudioView,
  activity: ActivityView,
  rows: AttendanceRow[],
): void {
  const ws = addSheet(wb, '签到表');
  widths(ws, [6, 16, 20, 22, 26]);
  titleRow(ws, `${studio.name} 活动签到表`, SIGNIN_COLUMNS.length);
  noteRow(
    ws,
    `活动名称：${activity.title}    类型：${(LABELS_ZH.activityKinds as Record<string, string>)[activity.kind] ?? activity.kind}`,
    SIGNIN_COLUMNS.length,
  );
  noteRow(
    ws,
    `日期：${activity.date}    地点：${activity.location ?? ''}    人次：${activity.attendance}（扫码签到 ${activity.checkedIn}，现场登记 ${activity.extraAttendance}）`,
    SIGNIN_COLUMNS.length,
  );
  const h = headerRow(ws, SIGNIN_COLUMNS);
  repeatOnEachPage(ws, h);
  let n = 0;
  for (const r of rows) {
    const row = ws.addRow([++n, text(r.name), beijingTime(r.checkedInAt), '小程序扫码/签到码', '']);
    row.height = 24;
    boxed(row, 1, SIGNIN_COLUMNS.length);
  }
  for (let i = 0; i < activity.extraAttendance; i++) {
    const row = ws.addRow([++n, '', '', '现场登记（未扫码）', '']);
    row.height = 24;
    boxed(row, 1, SIGNIN_COLUMNS.length);
  }
  while (n < MIN_LINES) {
    const row = ws.addRow([++n, '', '', '', '']);
    row.height = 24;
    boxed(row, 1, SIGNIN_COLUMNS.length);
  }
  noteRow(
    ws,
    '记录人：                    负责人（签字）：                    日期：',
    SIGNIN_COLUMNS.length,
  );
  fitRowHeights(ws);
}
