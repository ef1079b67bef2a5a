import { sniff } from './sniff';

const bytes = (...xs: number[]): Buffer => Buffer.from(xs);
const mime = (b: Buffer): string | null => {
  const s = sniff(b);
  return s.ok ? s.type.mime : null;
};

describe('sniff', () => {
  it('knows photos and PDFs by their first bytes', () => {
    expect(mime(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0))).toBe('image/jpeg');
    expect(mime(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(mime(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(mime(Buffer.from('GIF89a..'))).toBe('image/gif');
    expect(mime(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('tells Office packages from other ZIPs, and legacy Office from other OLE files', () => {
    const zip = (name: string) =>
      Buffer.concat([bytes(0x50, 0x4b, 0x03, 0x04), Buffer.from(`....${name}`)]);
    expect(mime(zip('[Content_Types].xml xl/workbook.xml'))).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(mime(zip('[Content_Types].xml ppt/slides/slide1.xml'))).toContain('presentationml');
    expect(mime(zip('payload.exe'))).toBeNull();
    const ole = (stream: string) =>
      Buffer.concat([
        bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1),
        Buffer.alloc(504),
        Buffer.from(stream, 'utf16le'),
      ]);
    expect(mime(ole('WordDocument'))).toBe('application/msword');
    expect(mime(ole('PowerPoint Document'))).toBe('application/vnd.ms-powerpoint');
    expect(mime(ole('\u0005SummaryInformation'))).toBeNull(); // e.g. an .msi installer
  });

  it('refuses executables and text, whatever they are called', () => {
    const exe = sniff(Buffer.from('MZ\x90\x00PE\0\0', 'latin1'));
    expect(exe).toEqual({ ok: false, reason: '不能上传可执行程序' });
    expect(sniff(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1)).ok).toBe(false);
    expect(sniff(Buffer.from('<html><script>')).ok).toBe(false);
  });
});
