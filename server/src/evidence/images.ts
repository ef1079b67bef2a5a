import sharp from 'sharp';
import { typeRefused } from './upload-stream';

/** Long edge of the server's thumbnails (lists, the reviewer's sheet). */
export const THUMB_EDGE = 320;

/**
 * A photo as it is stored: turned upright by its EXIF orientation and re-encoded without any
 * metadata (GPS location, camera make and model, time), unless the studio keeps metadata on
 * purpose; then the original bytes. Plus a JPEG thumbnail.
 */
export async function preparePhoto(
  path: string,
  mime: string,
  keepMetadata: boolean,
): Promise<{ stored: Buffer | null; thumb: Buffer; width: number; height: number }> {
  try {
    let stored: Buffer | null = null;
    if (!keepMetadata && mime !== 'image/gif') {
      const img = sharp(path, { failOn: 'error' }).rotate();
      stored = await (
        mime === 'image/png'
          ? img.png()
          : mime === 'image/webp'
            ? img.webp({ quality: 90 })
            : img.jpeg({ quality: 90 })
      ).toBuffer();
    }
    const meta = await sharp(stored ?? path).metadata();
    const upright = keepMetadata && (meta.orientation ?? 1) >= 5;
    const thumb = await sharp(stored ?? path, { animated: false })
      .rotate()
      .resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 75 })
      .toBuffer();
    return {
      stored,
      thumb,
      width: (upright ? meta.height : meta.width) ?? 0,
      height: (upright ? meta.width : meta.height) ?? 0,
    };
  } catch {
    throw typeRefused('图片无法读取（文件可能已损坏）');
  }
}
