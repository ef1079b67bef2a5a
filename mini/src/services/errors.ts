import type { ErrorBody } from './api';

export type { ErrorBody, ErrorCode } from './api';

/** Every failed call surfaces as one of these; `message` is always Chinese and shown as is. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** No answer at all: offline, DNS, timeout. Such calls may be queued and retried. */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '提交的内容有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '没有权限进行此操作',
  404: '内容不存在或已被删除',
  409: '操作冲突：记录可能已锁定或已被修改',
  410: '签到码已过期，请重新扫码',
  413: '提交的内容过大',
  429: '操作太频繁，请稍后再试',
};

export const NETWORK_MESSAGE = '网络不可用，请检查网络后重试';

function isErrorBody(data: unknown): data is ErrorBody {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return typeof d.code === 'string' && typeof d.message === 'string';
}

function stringFields(raw: unknown): Record<string, string> {
  if (typeof raw !== 'object' || raw === null) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v) && typeof v[0] === 'string') out[k] = v[0];
  }
  return out;
}

/**
 * Turns an HTTP answer into an ApiError. The server's own Chinese message wins;
 * when the body is not ours (a proxy page, an empty body) the status decides.
 */
export function toApiError(status: number, data: unknown): ApiError {
  if (isErrorBody(data)) {
    return new ApiError(status, data.code, data.message, stringFields(data.fields));
  }
  const fallback =
    STATUS_MESSAGES[status] ??
    (status >= 500 ? '服务器开小差了，请稍后再试' : `请求失败（${status}）`);
  return new ApiError(status, `HTTP_${status}`, fallback);
}

export function networkError(detail?: string): ApiError {
  return new ApiError(0, 'NETWORK', NETWORK_MESSAGE, detail ? { _detail: detail } : {});
}

/** A readable one-line message for a toast, including the first bad field when there is one. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    const first = Object.entries(err.fields).find(([k]) => !k.startsWith('_'));
    if (first && err.status === 400) return `${err.message}：${first[1]}`;
    return err.message;
  }
  if (err instanceof Error && /[\u4e00-\u9fa5]/.test(err.message)) return err.message;
  return '出了点问题，请稍后再试';
}
