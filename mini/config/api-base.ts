/**
 * The API base a mini-program build compiles in, decided once at build time so a bad value
 * stops the build instead of shipping. WeChat only talks to https hosts on a phone, and a
 * loopback address in a release would point every user's phone at itself.
 *
 * - production (`taro build`): TARO_APP_API_BASE is required and must be an https URL whose host
 *   is not loopback (localhost, 127.x, ::1, 0.0.0.0);
 * - development (`taro build --watch`, DevTools on this machine): empty means the local server
 *   at http://127.0.0.1:3000/api; http is allowed only for a loopback host.
 *
 * H5 is not checked here: the server serves the H5 build, which defaults to its own origin.
 */
export const DEV_API_BASE = 'http://127.0.0.1:3000/api';

export class ApiBaseError extends Error {}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

export function miniApiBase(configured: string | undefined, nodeEnv: string | undefined): string {
  const value = (configured ?? '').trim().replace(/\/+$/, '');
  const production = nodeEnv !== 'development';
  const hint =
    'Set it in the environment or in mini/.env.production.local, e.g. TARO_APP_API_BASE=https://ms.example.cn/api';
  if (!value) {
    if (!production) return DEV_API_BASE;
    throw new ApiBaseError(
      `TARO_APP_API_BASE is empty: a production WeChat build needs the https address of the API. ${hint}.`,
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ApiBaseError(`TARO_APP_API_BASE="${value}" is not an absolute URL. ${hint}.`);
  }
  const loopback = isLoopbackHost(url.hostname);
  if (production && (url.protocol !== 'https:' || loopback)) {
    throw new ApiBaseError(
      `TARO_APP_API_BASE="${value}": a production WeChat build needs an https address that is not this machine (loopback http is for a development build only). ${hint}.`,
    );
  }
  if (!production && url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ApiBaseError(
      `TARO_APP_API_BASE="${value}": use https, or http only for a loopback host (${DEV_API_BASE}).`,
    );
  }
  return value;
}
