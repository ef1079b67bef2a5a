/**
 * The file type, decided from the first bytes of the content (never the name or the
 * Content-Type header). A small sniff rather than the `file-type` package: its current major is
 * ES-module only and needs Node 22, and the server is CommonJS on Node 20. Allowed: JPEG, PNG,
 * WebP, GIF, PDF, Office (docx/xlsx/pptx: a ZIP whose entries are word/, xl/ or ppt/; legacy
 * doc/xls/ppt: an OLE compound file whose directory names the Word, Excel or PowerPoint stream).
 * Anything else, an executable renamed to .jpg included, is refused.
 */
export interface FileType {
  mime: string;
  ext: string;
  /** Photos: EXIF stripped unless kept, thumbnail made. */
  image: boolean;
}

/** Bytes the sniff looks at (enough for a ZIP's first entries and a small OLE directory). */
export const SNIFF_BYTES = 64 * 1024;

const T = (mime: string, ext: string, image = false): FileType => ({ mime, ext, image });
const starts = (b: Buffer, sig: number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (b: Buffer, s: string, at = 0): boolean =>
  b.length >= at + s.length && b.toString('latin1', at, at + s.length) === s;

export type Sniffed = { ok: true; type: FileType } | { ok: false; reason: string };

export function sniff(head: Buffer): Sniffed {
  if (starts(head, [0xff, 0xd8, 0xff])) return { ok: true, type: T('image/jpeg', 'jpg', true) };
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { ok: true, type: T('image/png', 'png', true) };
  if (ascii(head, 'RIFF') && ascii(head, 'WEBP', 8))
    return { ok: true, type: T('image/webp', 'webp', true) };
  if (ascii(head, 'GIF87a') || ascii(head, 'GIF89a'))
    return { ok: true, type: T('image/gif', 'gif', true) };
  if (ascii(head, '%PDF-')) return { ok: true, type: T('application/pdf', 'pdf') };
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) {
    // OOXML: the package's part names appear in the local file headers near the start.
    const text = head.toString('latin1');
    if (text.includes('[Content_Types].xml') || /(word|xl|ppt)\//.test(text)) {
      if (text.includes('word/'))
        return {
          ok: true,
          type: T(
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            'docx',
          ),
        };
      if (text.includes('xl/'))
        return {
          ok: true,
          type: T('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'),
        };
      if (text.includes('ppt/'))
        return {
          ok: true,
          type: T(
            'application/vnd.openxmlformats-officedocument.presentationml.presentation',
            'pptx',
          ),
        };
    }
    return { ok: false, reason: '压缩包不是 Word、Excel 或 PowerPoint 文件' };
  }
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // OLE compound file: the directory entries' names are UTF-16LE. An .msi installer is OLE too.
    const text = head.toString('utf16le') + head.subarray(1).toString('utf16le');
    if (text.includes('WordDocument')) return { ok: true, type: T('application/msword', 'doc') };
    if (text.includes('Workbook') || text.includes('Book'))
      return { ok: true, type: T('application/vnd.ms-excel', 'xls') };
    if (text.includes('PowerPoint Document'))
      return { ok: true, type: T('application/vnd.ms-powerpoint', 'ppt') };
    return { ok: false, reason: '不是可识别的 Word、Excel 或 PowerPoint 文件' };
  }
  if (ascii(head, 'MZ') || starts(head, [0x7f, 0x45, 0x4c, 0x46]))
    return { ok: false, reason: '不能上传可执行程序' };
  return { ok: false, reason: '只能上传照片（JPEG/PNG/WebP/GIF）、PDF 或 Office 文件' };
}
