/**
 * 经费台账 (yuzhong-2023 第十条（五）建立专门台账): every income and spending entry in date
 * order with the running balance, then income by source and spending by category.
 */
import type { Workbook } from 'exceljs';
import { LABELS_ZH } from '@master-studio/shared-rules';
import type { FundView } from '../../funds/dto/fund.dto';
import type { StudioView } from '../../studios/dto/studio.dto';
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

export const LEDGER_COLUMNS = [
  '序号',
  '日期',
  '类别',
  '经费来源',
  '摘要',
  '收入（元）',
  '支出（元）',
  '结余（元）',
];
const MONEY = '#,##0.00';
const cents = (n: number): number => Math.round(n * 100) / 100;

export interface LedgerTotals {
  opening: number;
  income: Record<string, number>;
  spending: Record<string, number>;
  closing: number;
}

/** Opening balance before the year, income by source and spending by category in it, closing balance. */
export function ledgerTotals(funds: FundView[], year?: number): LedgerTotals {
  const t: LedgerTotals = { opening: 0, income: {}, spending: {}, closing: 0 };
  for (const f of funds) {
    const signed = f.direction === 'income' ? f.amount : -f.amount;
    if (year !== undefined && Number(f.date.slice(0, 4)) < year)
      t.opening = cents(t.opening + signed);
    if (year !== undefined && Number(f.date.slice(0, 4)) !== year) continue;
    if (f.direction === 'income')
      t.income[f.source ?? 'other'] = cents((t.income[f.source ?? 'other'] ?? 0) + f.amount);
    else t.spending[f.category] = cents((t.spending[f.category] ?? 0) + f.amount);
  }
  const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);
  t.closing = cents(t.opening + sum(t.income) - sum(t.spending));
  return t;
}

export function writeFundLedger(
  wb: Workbook,
  studio: StudioView,
  funds: FundView[],
  year?: number,
): void {
  const ws = addSheet(wb, '经费台账', { landscape: true });
  widths(ws, [6, 12, 14, 12, 30, 14, 14, 14]);
  titleRow(
    ws,
    `${studio.name} 经费专门台账${year !== undefined ? `（${year}年）` : ''}`,
    LEDGER_COLUMNS.length,
  );
  noteRow(
    ws,
    `单位：${studio.unit.name}    领办人：${studio.leader.name}    专款专用`,
    LEDGER_COLUMNS.length,
  );
  const h = headerRow(ws, LEDGER_COLUMNS);
  repeatOnEachPage(ws, h);
  const totals = ledgerTotals(funds, year);
  const sorted = [...funds]
    .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)
    .filter((f) => year === undefined || Number(f.date.slice(0, 4)) === year);
  let balance = totals.opening;
  if (year !== undefined)
    boxed(
      ws.addRow(['', `${year}-01-01`, '', '', '上年结转', null, null, balance]),
      1,
      LEDGER_COLUMNS.length,
    );
  sorted.forEach((f, i) => {
    balance = cents(balance + (f.direction === 'income' ? f.amount : -f.amount));
    const source = f.source
      ? ((LABELS_ZH.fundSources as Record<string, string>)[f.source] ?? f.source)
      : '';
    const row = ws.addRow([
      i + 1,
      f.date,
      text(f.category),
      source,
      text(f.note),
      f.direction === 'income' ? f.amount : null,
      f.direction === 'spending' ? f.amount : null,
      balance,
    ]);
    boxed(row, 1, LEDGER_COLUMNS.length);
  });
  const inc = Object.values(totals.income).reduce((a, b) => a + b, 0);
  const out = Object.values(totals.spending).reduce((a, b) => a + b, 0);
  const sumRow = ws.addRow(['', '', '', '', '合计', cents(inc), cents(out), totals.closing]);
  sumRow.font = { bold: true };
  boxed(sumRow, 1, LEDGER_COLUMNS.length);
  for (const c of [6, 7, 8]) ws.getColumn(c).numFmt = MONEY;

  fitRowHeights(ws);

  const s = addSheet(wb, '分类汇总');
  widths(s, [16, 20, 16]);
  titleRow(s, '经费分类汇总', 3, 14);
  headerRow(s, ['方向', '来源 / 类别', '金额（元）']);
  if (year !== undefined) boxed(s.addRow(['上年结转', '', totals.opening]), 1, 3);
  for (const [k, v] of Object.entries(totals.income))
    boxed(s.addRow(['收入', (LABELS_ZH.fundSources as Record<string, string>)[k] ?? k, v]), 1, 3);
  for (const [k, v] of Object.entries(totals.spending)) boxed(s.addRow(['支出', text(k), v]), 1, 3);
  const end = s.addRow(['结余', '', totals.closing]);
  end.font = { bold: true };
  boxed(end, 1, 3);
  s.getColumn(3).numFmt = MONEY;
  fitRowHeights(s);
}
