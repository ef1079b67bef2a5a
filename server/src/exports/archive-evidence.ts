import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type archiver from 'archiver';
import type { EvidenceService } from '../evidence/evidence.service';
import { subjectLabel } from '../evidence/evidence-subjects';
import { safeFileName } from './content-disposition';

/**
 * The studio archive's 佐证材料/ folder: every attached file under its record or facility
 * (佐证材料/工作室标识牌/12-标识牌.jpg), streamed one after another from the blob storage, so
 * the archive never holds a file in memory. A blob missing from storage is listed, not fatal.
 */
export async function addEvidence(
  evidence: EvidenceService,
  zip: archiver.Archiver,
  studioId: number,
  contents: string[],
): Promise<void> {
  const rows = await evidence.rowsOf(studioId);
  for (const row of rows) {
    const folder = safeFileName(subjectLabel(row.subjectKind, row.subjectKey));
    const name = `佐证材料/${folder}/${row.id}-${safeFileName(row.fileName)}`;
    const src = await evidence.openBlob(row);
    if (!src) {
      contents.push(`${name}：文件缺失`);
      continue;
    }
    const entry = new PassThrough();
    zip.append(entry, { name, date: new Date(row.uploadedAt) });
    await pipeline(src, entry);
    contents.push(name);
  }
  if (rows.length === 0) contents.push('佐证材料：暂无附件');
}
