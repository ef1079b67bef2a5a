import Taro from '@tarojs/taro';
import { API_BASE, buildUrl } from './config';
import { ApiError, networkError, toApiError } from './errors';
import { clearToken, getToken } from './token';
import { Outbox, type QueuedCall, type QueuedMethod } from './queue';
import { isQueuedUpload, sendQueuedUpload } from './evidence';

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Sent as Idempotency-Key so that a retried write is applied once. */
  idempotencyKey?: string;
}

let onUnauthorized: () => void = () => undefined;
let accessLostCheck: (status: number) => Promise<ApiError | null> = () => Promise.resolve(null);
/** After a 403/404: whether the account lost a role meanwhile (services/access-lost.ts). */
export function setAccessLostCheck(check: (status: number) => Promise<ApiError | null>): void {
  accessLostCheck = check;
}
/** The app decides what "signed out" looks like (it goes back to the sign-in page). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** The one HTTP client: base URL, token, JSON, and Chinese errors in one place. */
export async function request<T>(
  method: 'GET' | QueuedMethod,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const header: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = getToken();
  if (token) header.Authorization = `Bearer ${token}`;
  if (options.idempotencyKey) header['Idempotency-Key'] = options.idempotencyKey;
  let res: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>;
  try {
    res = await Taro.request({
      url: buildUrl(API_BASE, path, options.query),
      method,
      header,
      data: options.body as Taro.request.Option['data'],
      timeout: 15000,
      dataType: 'json',
    });
  } catch (err) {
    throw networkError(
      err instanceof Error ? err.message : String((err as { errMsg?: string })?.errMsg ?? err),
    );
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T;
  const error = toApiError(res.statusCode, res.data);
  if (res.statusCode === 401 && token) {
    clearToken();
    onUnauthorized();
  }
  if ((res.statusCode === 403 || res.statusCode === 404) && token && path !== '/me')
    throw (await accessLostCheck(res.statusCode)) ?? error;
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
};

// ---- offline queue -------------------------------------------------------

export const outbox = new Outbox({
  get: (k) => (Taro.getStorageSync(k) as string) || undefined,
  set: (k, v) => Taro.setStorageSync(k, v),
});

const sendQueued = (call: QueuedCall) =>
  // A queued evidence upload goes out as multipart (services/evidence.ts); the rest as JSON.
  isQueuedUpload(call.body)
    ? sendQueuedUpload(call.body)
    : request(call.method, call.path, { body: call.body, idempotencyKey: call.id });

export function flushOutbox() {
  return outbox.flush(sendQueued);
}

export type WriteResult<T> = { queued: false; data: T } | { queued: true; call: QueuedCall };

/**
 * A write that must not be lost: sent now when possible, otherwise queued on
 * the device and replayed later with the same idempotency key.
 */
export async function writeOrQueue<T>(
  method: QueuedMethod,
  path: string,
  body: unknown,
  label: string,
): Promise<WriteResult<T>> {
  const call = outbox.enqueue({ method, path, body, label });
  try {
    const data = await request<T>(method, path, { body, idempotencyKey: call.id });
    outbox.remove(call.id);
    return { queued: false, data };
  } catch (err) {
    if (err instanceof ApiError && err.isNetwork) return { queued: true, call };
    outbox.remove(call.id);
    throw err;
  }
}

let started = false;
/** Replays the queue when the network comes back, when the app shows, and every 30 s. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  const kick = () => {
    if (outbox.pendingCount() > 0 && getToken()) void flushOutbox();
  };
  Taro.onNetworkStatusChange?.((res) => {
    if (res.isConnected) kick();
  });
  Taro.onAppShow?.(kick);
  setInterval(kick, 30000);
  kick();
}
