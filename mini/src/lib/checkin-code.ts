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

/** Seconds left before the code on screen changes, for the little countdown. */
export function secondsLeft(expiresAt: string, now: number = Date.now()): number {
  const t = Date.parse(expiresAt);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.ceil((t - now) / 1000));
}
