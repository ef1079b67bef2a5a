/**
 * The value parsers every config section shares (config.ts and the per-feature *-config.ts
 * files): each names the variable in the ConfigError it throws.
 */

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration ${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export function parseInteger(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new ConfigError(name, `must be an integer ${min}-${max}, got "${raw}"`);
  }
  return n;
}

/** Strict: only "true" and "false" (any case) are booleans; "1", "yes" and typos are errors. */
export function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

export function parseHttpUrl(name: string, raw: string | undefined, fallback: string): string {
  const value = raw === undefined || raw === '' ? fallback : raw;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `not a URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(name, `must be an http(s) URL, got "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

/** Durations: plain seconds ("900") or with a unit ("15m", "2h", "1d"). */
export function parseDuration(
  name: string,
  raw: string | undefined,
  fallbackSeconds: number,
): number {
  if (raw === undefined || raw === '') return fallbackSeconds;
  const m = /^(\d+)\s*([smhd]?)$/.exec(raw.trim());
  if (!m) throw new ConfigError(name, `must be seconds or a duration like 15m / 2h, got "${raw}"`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = Number(m[1]) * unit;
  if (seconds < 1) throw new ConfigError(name, `must be at least 1 second, got "${raw}"`);
  return seconds;
}

export function optional(raw: string | undefined): string | null {
  return raw === undefined || raw.trim() === '' ? null : raw.trim();
}
