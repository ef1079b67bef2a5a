/**
 * Downloads of the server's exports (xlsx / docx / zip). An authenticated POST /exports/links
 * returns a link valid for a few minutes; the file itself is fetched without the Bearer header:
 * on weapp with Taro.downloadFile + Taro.openDocument (showMenu: the file can be forwarded in
 * WeChat), on H5 as a browser download (the server names it with Content-Disposition).
 */
import Taro from '@tarojs/taro';
import { API_BASE } from './config';
import { networkError } from './errors';
import { api } from './http';

export type ExportKind =
  | 'assessment'
  | 'application'
  | 'roster'
  | 'signin'
  | 'attendance'
  | 'ledger'
  | 'summary'
  | 'plan'
  | 'archive'
  | 'jurisdiction';

export interface ExportRequest {
  kind: ExportKind;
  studioId?: number;
  jurisdictionId?: number;
  activityId?: number;
  asOf?: string;
  month?: string;
  year?: number;
}

export interface DownloadLink {
  /** Under the API root: `/exports/download?token=…`. */
  url: string;
  fileName: string;
  expiresAt: string;
}

export const createDownloadLink = (req: ExportRequest) =>
  api.post<DownloadLink>('/exports/links', req);

const extension = (fileName: string): string =>
  (/\.([a-z]+)$/i.exec(fileName)?.[1] ?? '').toLowerCase();

/** H5: let the browser download the file (it shows its own progress; the app stays usable). */
function browserDownload(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** weapp: download with progress, then open (xlsx/docx; a ZIP is saved and announced instead). */
function wechatDownload(
  url: string,
  fileName: string,
  onProgress: (percent: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const task = Taro.downloadFile({
      url,
      success: (res) => {
        if (res.statusCode !== 200) return reject(networkError(`下载失败（${res.statusCode}）`));
        const ext = extension(fileName);
        if (ext === 'zip') {
          void Taro.showModal({
            title: '档案已下载',
            content: `${fileName} 已下载到本机，可在电脑端导出后查看。`,
            showCancel: false,
          });
          return resolve();
        }
        Taro.openDocument({ filePath: res.tempFilePath, fileType: ext as 'xlsx', showMenu: true })
          .then(() => resolve())
          .catch(reject);
      },
      fail: (e) => reject(networkError(e.errMsg)),
    });
    task.onProgressUpdate?.((p) => onProgress(p.progress));
  });
}

export async function downloadExport(
  req: ExportRequest,
  onProgress: (percent: number) => void = () => undefined,
): Promise<DownloadLink> {
  const link = await createDownloadLink(req);
  const url = `${API_BASE}${link.url}`;
  if (process.env.TARO_ENV === 'h5') browserDownload(url, link.fileName);
  else await wechatDownload(url, link.fileName, onProgress);
  onProgress(100);
  return link;
}
