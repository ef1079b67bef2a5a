/**
 * Evidence files (佐证材料): pick from the camera, the album, a WeChat chat (weapp) or the file
 * system (H5); photos are compressed on the device first (long edge ≤ 1600 px, JPEG quality 0.8);
 * upload with progress through Taro.uploadFile (multipart, field `file`). A network failure
 * puts the upload in the outbox like any other write: the file is kept (weapp: saved file;
 * H5: a data URL, up to OFFLINE_MAX_BYTES) and sent when the network returns.
 */
import Taro from '@tarojs/taro';
import type { EvidenceFile, EvidenceList, EvidenceUsage, SheetEvidence } from './api';
import { API_BASE, buildUrl } from './config';
import { ApiError, networkError, toApiError } from './errors';
import { api, outbox } from './http';
import type { QueuedCall } from './queue';
import { getToken } from './token';

/** Photos are resized on the device to this long edge before upload. */
export const PHOTO_MAX_EDGE = 1600;
export const PHOTO_QUALITY = 0.8;
/** Largest file kept on an H5 device for a later upload (localStorage holds a few MB). */
export const OFFLINE_MAX_BYTES = 2 * 1024 * 1024;

export type Subject = { subject: string; key: string };

/** A file picked on the device, ready to upload. */
export interface PickedFile {
  /** weapp: a temp or saved file path; H5: a blob: or data: URL. */
  path: string;
  name: string;
  size: number;
}

/** The body of a queued upload in the outbox (http.ts sends it with uploadFile). */
export interface QueuedUpload {
  upload: { studioId: number; subject: string; key: string; path: string; name: string };
}

export const isQueuedUpload = (body: unknown): body is QueuedUpload =>
  typeof body === 'object' && body !== null && 'upload' in body;

export const evidenceApi = {
  list: (studioId: number, q: Partial<Subject> = {}) =>
    api.get<EvidenceList>(`/studios/${studioId}/evidence`, q),
  usage: (studioId: number) => api.get<EvidenceUsage>(`/studios/${studioId}/evidence/usage`),
  setKeepMetadata: (studioId: number, keepPhotoMetadata: boolean) =>
    api.put<EvidenceUsage>(`/studios/${studioId}/evidence/settings`, { keepPhotoMetadata }),
  sheet: (studioId: number, asOf?: string) =>
    api.get<SheetEvidence>(`/studios/${studioId}/evidence/assessment`, { asOf }),
  remove: (studioId: number, id: number) => api.del<void>(`/studios/${studioId}/evidence/${id}`),
};

/** A link of the list (relative to the API root) as a full URL an <Image> or viewer can load. */
export const fileUrl = (relative: string): string => `${API_BASE}${relative}`;

/** The message for a refused camera / album (WeChat privacy consent declined, or no permission). */
export function pickError(err: unknown): string | null {
  const msg = String((err as { errMsg?: string })?.errMsg ?? err ?? '');
  if (/cancel/i.test(msg)) return null;
  if (/privacy|104|112|auth deny|authorize|permission/i.test(msg))
    return '未获得相机或相册的使用授权（可能拒绝了隐私授权），请在“设置”中允许后重试；也可以改用“选择文件”。';
  return `无法选择文件：${msg || '未知原因'}`;
}

// ---- picking ---------------------------------------------------------------

const OFFICE_ACCEPT =
  '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.*';

/** H5: a file input (attached, hidden) that opens the camera on phones when `camera`. */
function h5Pick(camera: boolean): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = camera ? 'image/*' : `image/*,${OFFICE_ACCEPT}`;
    if (camera) input.setAttribute('capture', 'environment');
    input.className = 'evidence-file-input';
    input.setAttribute('data-testid', camera ? 'evidence-input-camera' : 'evidence-input-file');
    input.onchange = () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    };
    document.body.appendChild(input);
    input.click();
  });
}

/** H5: a photo drawn onto a canvas at ≤ PHOTO_MAX_EDGE and re-encoded as JPEG (EXIF dropped too). */
async function h5Compress(file: File): Promise<Blob> {
  if (!/^image\/(jpeg|png|webp)$/.test(file.type)) return file;
  const bitmap = await createImageBitmap(file).catch(() => null);
  if (!bitmap) return file;
  const scale = Math.min(1, PHOTO_MAX_EDGE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', PHOTO_QUALITY));
  return blob && blob.size < file.size ? blob : file;
}

/** weapp: compress a photo with the base library (quality 80, width ≤ PHOTO_MAX_EDGE). */
async function weappCompress(path: string): Promise<string> {
  try {
    const info = await Taro.getImageInfo({ src: path });
    const wide = info.width >= info.height;
    const edge = Math.max(info.width, info.height);
    const res = await Taro.compressImage({
      src: path,
      quality: PHOTO_QUALITY * 100,
      ...(edge > PHOTO_MAX_EDGE
        ? wide
          ? { compressedWidth: PHOTO_MAX_EDGE }
          : { compressedHeight: PHOTO_MAX_EDGE }
        : {}),
    } as Taro.compressImage.Option);
    return res.tempFilePath;
  } catch {
    return path;
  }
}

/**
 * Picks one file. `camera`: the camera or the album (photos, compressed); otherwise any allowed
 * file (weapp: from a WeChat chat). null when the user cancels.
 */
export async function pickFile(camera: boolean): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') {
    const file = await h5Pick(camera);
    if (!file) return null;
    const blob = file.type.startsWith('image/') ? await h5Compress(file) : file;
    const name = blob === file ? file.name : file.name.replace(/\.[^.]*$/, '') + '.jpg';
    return { path: URL.createObjectURL(blob), name, size: blob.size };
  }
  if (camera) {
    const res = await Taro.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sourceType: ['camera', 'album'],
      sizeType: ['compressed'],
    });
    const f = res.tempFiles[0];
    if (!f) return null;
    const path = await weappCompress(f.tempFilePath);
    return { path, name: `照片-${Date.now()}.jpg`, size: f.size };
  }
  const res = await Taro.chooseMessageFile({
    count: 1,
    type: 'all',
    extension: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'jpg', 'jpeg', 'png'],
  });
  const f = res.tempFiles[0];
  return f ? { path: f.path, name: f.name, size: f.size } : null;
}

// ---- uploading -------------------------------------------------------------

function uploadOnce(
  call: QueuedUpload['upload'],
  onProgress: (percent: number) => void,
): Promise<EvidenceFile> {
  return new Promise((resolve, reject) => {
    const token = getToken();
    const task = Taro.uploadFile({
      url: buildUrl(API_BASE, `/studios/${call.studioId}/evidence`, {
        subject: call.subject,
        key: call.key,
      }),
      filePath: call.path,
      name: 'file',
      // H5 names the part with it (weapp takes the name from the path).
      fileName: call.name,
      header: token ? { Authorization: `Bearer ${token}` } : {},
      timeout: 120000,
      success: (res) => {
        let data: unknown = res.data;
        try {
          data = typeof res.data === 'string' ? JSON.parse(res.data) : res.data;
        } catch {
          // not JSON: the status decides
        }
        if (res.statusCode >= 200 && res.statusCode < 300) resolve(data as EvidenceFile);
        else reject(toApiError(res.statusCode, data));
      },
      fail: (e: { errMsg?: string }) => reject(networkError(e.errMsg ?? '上传失败')),
    } as Taro.uploadFile.Option);
    task?.onProgressUpdate?.((p) => onProgress(p.progress));
    // H5: the task is also a promise, rejected on failure although fail() above handles it;
    // left uncaught, every offline upload was an unhandled rejection. weapp's task has no catch.
    (task as unknown as { catch?: (f: () => void) => unknown } | undefined)?.catch?.(
      () => undefined,
    );
  });
}

/** H5: a blob URL as a data URL (kept across a reload in the outbox). */
async function h5Persist(path: string): Promise<string> {
  const blob = await (await fetch(path)).blob();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
}

export type UploadResult =
  { queued: false; file: EvidenceFile } | { queued: true; call: QueuedCall };

/** Uploads now; without a network the upload waits in the outbox (the same list as other writes). */
export async function uploadEvidence(
  studioId: number,
  s: Subject,
  file: PickedFile,
  label: string,
  onProgress: (percent: number) => void = () => undefined,
): Promise<UploadResult> {
  const upload = { studioId, subject: s.subject, key: s.key, path: file.path, name: file.name };
  try {
    return { queued: false, file: await uploadOnce(upload, onProgress) };
  } catch (err) {
    if (!(err instanceof ApiError && err.isNetwork)) throw err;
    let path = file.path;
    if (process.env.TARO_ENV === 'h5') {
      if (file.size > OFFLINE_MAX_BYTES) throw err;
      path = await h5Persist(file.path);
    } else {
      path = await Taro.saveFile({ tempFilePath: file.path })
        .then((r) => (r as unknown as { savedFilePath: string }).savedFilePath)
        .catch(() => file.path);
    }
    const call = outbox.enqueue({
      method: 'POST',
      path: `/studios/${studioId}/evidence`,
      body: { upload: { ...upload, path } } satisfies QueuedUpload,
      label,
    });
    return { queued: true, call };
  }
}

/** The outbox's sender for a queued upload (http.ts). */
export async function sendQueuedUpload(body: QueuedUpload): Promise<EvidenceFile> {
  return uploadOnce(body.upload, () => undefined);
}

// ---- viewing ---------------------------------------------------------------

/** Opens a file: photos in the image viewer (with the others of the list), PDFs and Office in the document viewer. */
export async function openEvidence(
  file: EvidenceFile,
  all: EvidenceFile[] = [file],
): Promise<void> {
  if (file.image) {
    const urls = all.filter((f) => f.image).map((f) => fileUrl(f.url));
    await Taro.previewImage({ urls, current: fileUrl(file.url) });
    return;
  }
  if (process.env.TARO_ENV === 'h5') {
    window.open(fileUrl(file.url), '_blank', 'noopener');
    return;
  }
  const res = await Taro.downloadFile({ url: fileUrl(file.url) });
  if (res.statusCode !== 200) throw networkError(`打开失败（${res.statusCode}）`);
  const ext = (/\.([a-z]+)$/i.exec(file.fileName)?.[1] ?? 'pdf').toLowerCase();
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: ext as 'pdf', showMenu: true });
}

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(n / 1024))} KB`;
