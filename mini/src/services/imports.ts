/**
 * Spreadsheet imports (server/src/imports): the file's bytes are posted as
 * application/octet-stream to preview, then the same bytes to commit (all rows or none). The
 * file comes from a WeChat chat (chooseMessageFile) in weapp and from a file input on H5.
 */
import Taro from '@tarojs/taro';
import type { components } from './api-types';
import { API_BASE, buildUrl } from './config';
import { networkError, toApiError } from './errors';
import { getToken } from './token';

export type ImportResult = components['schemas']['ImportResultView'];
export type ImportRow = components['schemas']['ImportRowView'];

export interface PickedFile {
  name: string;
  data: ArrayBuffer;
}

/** The kinds a leader can import, by the record screens' path (the server's /imports/kinds). */
export const IMPORT_PATHS = [
  'apprentices',
  'members',
  'certificates',
  'activities',
  'achievements',
  'funds',
] as const;
export type ImportPath = (typeof IMPORT_PATHS)[number];

export function uploadImport(
  studioId: number,
  path: ImportPath,
  file: PickedFile,
  commit: boolean,
): Promise<ImportResult> {
  return postImport(`/studios/${studioId}/imports/${path}`, file, commit);
}

/** A reviewer's batch of studios (units, studios, leaders to invite) for the jurisdiction. */
export function uploadStudioBatch(
  jurisdictionId: number,
  file: PickedFile,
  commit: boolean,
): Promise<ImportResult> {
  return postImport(`/jurisdictions/${jurisdictionId}/imports/studios`, file, commit);
}

async function postImport(base: string, file: PickedFile, commit: boolean): Promise<ImportResult> {
  const header: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
  const token = getToken();
  if (token) header.Authorization = `Bearer ${token}`;
  let res: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>;
  try {
    res = await Taro.request({
      url: buildUrl(API_BASE, `${base}/${commit ? 'commit' : 'preview'}`, {
        fileName: file.name,
      }),
      method: 'POST',
      header,
      data: file.data,
      timeout: 60000,
      dataType: 'json',
    });
  } catch (err) {
    throw networkError(String((err as { errMsg?: string })?.errMsg ?? err));
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as ImportResult;
  throw toApiError(res.statusCode, res.data);
}

/** weapp: a file sent in a WeChat chat; H5: the browser's file picker. null when cancelled. */
export async function pickSpreadsheet(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.xlsx,.csv,.txt';
      input.setAttribute('data-testid', 'import-file-input');
      input.hidden = true;
      document.body.appendChild(input);
      input.onchange = () => {
        input.remove();
        const f = input.files?.[0];
        if (!f) return resolve(null);
        void f.arrayBuffer().then((data) => resolve({ name: f.name, data }));
      };
      input.click();
    });
  }
  try {
    const picked = await Taro.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['xlsx', 'csv', 'txt'],
    });
    const f = picked.tempFiles[0];
    if (!f) return null;
    const data = await new Promise<ArrayBuffer>((resolve, reject) => {
      Taro.getFileSystemManager().readFile({
        filePath: f.path,
        success: (r) => resolve(r.data as ArrayBuffer),
        fail: (e) => reject(networkError(e.errMsg)),
      });
    });
    return { name: f.name, data };
  } catch (e) {
    if (/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))) return null;
    throw e;
  }
}

/** A template's path: a leader's kind, or `studios` (a reviewer's batch). */
export type TemplatePath = ImportPath | 'studios';

/** The template's address (public: it holds no data). */
export const templateUrl = (path: TemplatePath): string => `${API_BASE}/imports/templates/${path}`;

export async function openTemplate(path: TemplatePath, title: string): Promise<void> {
  const url = templateUrl(path);
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = url;
    a.download = `${title}导入模板.xlsx`;
    a.click();
    return;
  }
  const res = await Taro.downloadFile({ url });
  if (res.statusCode !== 200) throw networkError(`下载失败（${res.statusCode}）`);
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
}
