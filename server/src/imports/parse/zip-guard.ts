/**
 * Checks an .xlsx (a zip) before any library opens it: the central directory is read by hand
 * (a few fixed offsets of the zip format, APPNOTE 4.3.12/4.3.16) so that the entry count and the
 * declared sizes are known before anything is inflated; then each entry is inflated with Node's
 * zlib capped at its declared size, so a lying header cannot blow up either. Libraries
 * (exceljs, jszip) inflate as they load and offer no such cap. Also refuses encrypted entries
 * and macros (vbaProject.bin, Excel 4 macro sheets).
 */
import { inflateRawSync } from 'node:zlib';
import { DomainError } from '../../common/domain-error';

export const ZIP_LIMITS = {
  maxEntries: 2_000,
  /** Sum of the entries' uncompressed sizes. */
  maxTotalBytes: 60 * 1024 * 1024,
  /** An entry over 1 MB that inflates more than this many times its compressed size is a bomb. */
  maxRatio: 200,
};

const refuse = (message: string): DomainError => new DomainError('IMPORT_FILE_REFUSED', message);
const MALFORMED = '文件已损坏或不是有效的 Excel 工作簿（.xlsx），请在 Excel 中重新保存后再试';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

/** The central directory's entries; throws IMPORT_FILE_REFUSED for anything it cannot trust. */
export function zipEntries(buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw refuse(MALFORMED);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw refuse('文件过大（ZIP64 格式），不能导入');
  if (count > ZIP_LIMITS.maxEntries) throw refuse('文件内部条目过多，疑似异常压缩文件，已拒绝');
  if (cdOffset + cdSize > buf.length) throw refuse(MALFORMED);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw refuse(MALFORMED);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      encrypted: (buf.readUInt16LE(p + 8) & 1) === 1,
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Refuses bombs, encryption, macros and broken entries; returns quietly for a sane workbook. */
export function guardXlsx(buf: Buffer): void {
  const entries = zipEntries(buf);
  if (
    entries.some(
      (e) => /(^|\/)vbaProject\.bin$/i.test(e.name) || /^xl\/macrosheets\//i.test(e.name),
    )
  )
    throw refuse('文件含有宏（启用宏的工作簿），为安全起见不能导入；请另存为不含宏的 .xlsx 或 CSV');
  if (entries.some((e) => e.encrypted)) throw refuse('文件设置了密码，请取消密码后再导入');
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw refuse(MALFORMED);
  let total = 0;
  for (const e of entries) {
    total += e.size;
    const bomb =
      total > ZIP_LIMITS.maxTotalBytes ||
      (e.size > 1024 * 1024 && e.size > ZIP_LIMITS.maxRatio * Math.max(1, e.compressedSize));
    if (bomb) throw refuse('文件解压后过大，疑似压缩炸弹，已拒绝');
  }
  for (const e of entries) {
    const local = e.localOffset;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw refuse(MALFORMED);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    if (data.length !== e.compressedSize) throw refuse(MALFORMED);
    let out: Buffer;
    if (e.method === 0) out = data;
    else if (e.method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
      } catch (err) {
        const tooBig = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
        throw refuse(tooBig ? '文件解压后的大小与声明不符，疑似压缩炸弹，已拒绝' : MALFORMED);
      }
    } else throw refuse(MALFORMED);
    if (out.length !== e.size) throw refuse(MALFORMED);
  }
}
