/** What the leader's rotating QR encodes, and how a scan or a typed code is read back. */
export const QR_PREFIX = 'MSCHECKIN:';

export function encodeCheckinQr(code: string): string {
  return `${QR_PREFIX}${code}`;
}

/**
 * Accepts what a camera or a person gives us: the QR text (MSCHECKIN:xxxx), a
 * link carrying ?code=xxxx, or the bare code typed or pasted (spaces dropped).
 * Returns null when nothing usable is there.
 */
export function parseCheckinInput(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.trim();
  if (!text) return null;
  if (text.toUpperCase().startsWith(QR_PREFIX)) return clean(text.slice(QR_PREFIX.length));
  const fromUrl = /[?&]code=([^&#\s]+)/.exec(text);
  if (fromUrl?.[1]) return clean(decodeURIComponent(fromUrl[1]));
  return clean(text);
}

/** Server codes are signed tokens (letters, digits, `.`, `-`, `_`); spaces from typing are dropped. */
function clean(code: string): string | null {
  const c = code.replace(/\s+/g, '');
  return /^[A-Za-z0-9_.-]{4,120}$/.test(c) ? c : null;
}

/** What POST /checkins takes: the signed token from the QR, or the 6 digits typed on the browser. */
export type CheckinEntry = { code: string } | { shortCode: string };

/** The digits of a typed short code: spaces and separators dropped ("483 920" → "483920"). */
export function shortCodeDigits(raw: string | null | undefined): string {
  return (raw ?? '').replace(/[\s\-·.]/g, '');
}

/**
 * Reads what the apprentice gave: exactly 6 digits (spaces allowed) → a short code;
 * otherwise the QR text, a link or a pasted token as parseCheckinInput does. null: nothing usable.
 */
export function parseCheckinEntry(raw: string | null | undefined): CheckinEntry | null {
  const digits = shortCodeDigits(raw);
  if (/^\d{6}$/.test(digits)) return { shortCode: digits };
  if (/^\d{1,7}$/.test(digits)) return null; // a short code with too few or too many digits
  const code = parseCheckinInput(raw);
  return code ? { code } : null;
}

/** "483920" → "483 920", easier to read across a table. */
export function formatShortCode(shortCode: string): string {
  return /^\d{6}$/.test(shortCode) ? `${shortCode.slice(0, 3)} ${shortCode.slice(3)}` : shortCode;
}

/** Seconds left before the code on screen changes, for the little countdown. */
export function secondsLeft(expiresAt: string, now: number = Date.now()): number {
  const t = Date.parse(expiresAt);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.ceil((t - now) / 1000));
}
