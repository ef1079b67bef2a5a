/** Test files for the evidence suites: a photo with EXIF, a PDF, a docx, an executable. */
import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import sharp from 'sharp';

/** A JPEG whose EXIF names a camera and a GPS position (what upload must strip). */
export const photoWithExif = (colour = '#c33', width = 1200, height = 900): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'AcmeCam', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 49/1 0/1' },
    })
    .toBuffer();

/** A PDF-looking file of `bytes` (the header is what the sniff reads; the rest is noise). */
export const pdfOf = (bytes: number): Buffer =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(Math.max(0, bytes - 9))]);

export async function docx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', '<w:document/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

export async function plainZip(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('payload.bin', randomBytes(100));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The start of a Windows executable (MZ … PE), as a renamed virus.exe → photo.jpg would be. */
export const executable = (): Buffer =>
  Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(4000)]);
