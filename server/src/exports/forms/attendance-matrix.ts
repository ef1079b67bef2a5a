/**
 * 月度签到汇总: people × the month's activities, ✓ where the person checked in; per person
 * the number of activities attended, per activity its person-times (check-ins + walk-ins).
 */
import type { Workbook } from 'exceljs';
import type { ActivityView } from '../../activities/dto/activity.dto';
import type { ApprenticeView } from '../../apprentices/dto/apprentice.dto';
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

export function writeAttendanceMatrix(
  wb: Workbook,
  studio: StudioView,
  month: string,
  activities: ActivityView[],
  apprentices: ApprenticeView[],
  rows: AttendanceRow[],
): void {
  const ws = addSheet(wb, `${month} 签到汇总`, { landscape: true });
  const acts = [...activities].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  const width = acts.length + 3;
  widths(ws, [6, 14, ...acts.map(() => 12), 8]);
  titleRow(ws, `${studio.name} ${month} 签到汇总`, Math.max(width, 3));
  noteRow(
    ws,
    `单位：${studio.unit.name}    活动 ${acts.length} 次    ✓ = 扫码或签到码签到`,
    Math.max(width, 3),
  );
  const h = headerRow(ws, [
    '序号',
    '姓名',
    ...acts.map((a) => `${a.date.slice(5)} ${a.title}`),
    '合计',
  ]);
  h.height = 48;
  repeatOnEachPage(ws, h);
  const seen = new Set(rows.map((r) => `${r.personId}:${r.activityId}`));
  // People: the apprentices on the roster in the month, then anyone else who checked in.
  const monthEnd = `${month}-31`;
  const people = new Map<number, string>();
  for (const a of apprentices)
    if (a.joinedOn <= monthEnd && (a.leftOn === null || a.leftOn >= `${month}-01`))
      people.set(a.personId, a.name);
  for (const r of rows) if (!people.has(r.personId)) people.set(r.personId, r.name);
  let i = 0;
  for (const [personId, name] of people) {
    const marks = acts.map((a) => (seen.has(`${personId}:${a.id}`) ? '✓' : ''));
    const row = ws.addRow([++i, text(name), ...marks, marks.filter(Boolean).length]);
    row.alignment = { horizontal: 'center', vertical: 'middle' };
    boxed(row, 1, width);
  }
  const walkIns = ws.addRow([
    '',
    '现场登记',
    ...acts.map((a) => a.extraAttendance),
    acts.reduce((n, a) => n + a.extraAttendance, 0),
  ]);
  boxed(walkIns, 1, width);
  const total = ws.addRow([
    '',
    '人次',
    ...acts.map((a) => a.attendance),
    acts.reduce((n, a) => n + a.attendance, 0),
  ]);
  total.font = { bold: true };
  boxed(total, 1, width);
  fitRowHeights(ws);
}
