/**
 * The API base URL. TARO_APP_API_BASE (from .env.* files) wins; on H5 the app
 * defaults to the same origin, because the server also serves the H5 build.
 */
export function resolveApiBase(env: string | undefined, taroEnv: string | undefined): string {
  const configured = (env ?? '').trim();
  if (configured) return configured.replace(/\/+$/, '');
  return taroEnv === 'h5' ? '/api' : 'http://127.0.0.1:3000/api';
}

export const API_BASE = resolveApiBase(process.env.TARO_APP_API_BASE, process.env.TARO_ENV);

export function buildUrl(base: string, path: string, query?: Record<string, string | number | boolean | undefined | null>): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  const qs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${base}${p}${qs ? `?${qs}` : ''}`;
}
