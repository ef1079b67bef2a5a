/**
 * The API base URL: TARO_APP_API_BASE as the build compiled it in. A mini-program build always
 * has one (mini/config/api-base.ts refuses to build without an https base in production); on
 * H5 it may be empty, and the app calls its own origin, because the server serves the H5 build.
 */
export function resolveApiBase(env: string | undefined): string {
  const configured = (env ?? '').trim();
  return configured ? configured.replace(/\/+$/, '') : '/api';
}

export const API_BASE = resolveApiBase(process.env.TARO_APP_API_BASE);

export function buildUrl(
  base: string,
  path: string,
  query?: Record<string, string | number | boolean | undefined | null>,
): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  const qs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${base}${p}${qs ? `?${qs}` : ''}`;
}
