/** Reads an exported assessment sheet back: item scores by id and the total line. */
import type { App } from 'supertest/types';
import { COL } from '../../src/exports/forms/assessment-sheet';
import { download, readXlsx, rowWhere } from './files';

export interface SheetReadback {
  /** Item id → the score cell (null where the sheet leaves it blank for the reviewer). */
  items: Record<string, number | null>;
  /** The 合计 line (item sheets) or the 总分 line (yuzhong's 120-point total); null when blank. */
  total: number | null;
  title: string;
  /** Every non-empty cell's shown text, one per line. */
  text: string;
}

export async function exportedSheet(
  http: App,
  studioId: number,
  asOf: string,
  bearer: string,
): Promise<SheetReadback> {
  const res = await download(
    http,
    `/api/studios/${studioId}/exports/assessment?asOf=${asOf}`,
    bearer,
  );
  if (res.status !== 200)
    throw new Error(`assessment export answered ${res.status}: ${res.body.toString('utf8')}`);
  const ws = (await readXlsx(res.body)).worksheets[0]!;
  const items: Record<string, number | null> = {};
  ws.eachRow((row) => {
    const id = row.getCell(COL.id).value;
    if (typeof id === 'string' && /^[A-Z]+\d+$/.test(id))
      items[id] = row.getCell(COL.score).value as number | null;
  });
  const cells: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (c.value !== null && c.value !== undefined) cells.push(String(c.text));
    }),
  );
  const totalRow = rowWhere(ws, COL.section, '合计') ?? rowWhere(ws, COL.section, '总分');
  return {
    items,
    total: totalRow ? (totalRow.getCell(COL.score).value as number | null) : null,
    title: String(ws.getCell(1, 1).value),
    text: cells.join('\n'),
  };
}
