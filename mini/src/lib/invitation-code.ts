/**
 * Invitation codes as the server issues them: 8 characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L). People type them from a chat message or scan a QR that
 * encodes `ms-invite:<code>`; both come back here.
 */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const QR_PREFIX = 'ms-invite:';

export function encodeInviteQr(code: string): string {
  return `${QR_PREFIX}${code}`;
}

/** Typed, pasted or scanned input → the canonical code, or null when it cannot be one. */
export function parseInviteInput(input: string): string | null {
  let raw = input.trim();
  if (raw.startsWith(QR_PREFIX)) raw = raw.slice(QR_PREFIX.length);
  const m = /[?&]invite=([^&#]+)/.exec(raw);
  if (m?.[1]) raw = decodeURIComponent(m[1]);
  const code = raw.toUpperCase().replace(/[\s-]/g, '');
  return code.length === 8 && [...code].every((c) => INVITE_ALPHABET.includes(c)) ? code : null;
}

/** `K7MX3Q9P` → `K7MX 3Q9P`: easier to read aloud. */
export function formatInviteCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** "还剩 6 天" / "还剩 5 小时" / "已过期" for an ISO expiry. */
export function expiryText(expiresAt: string, now: Date = new Date()): string {
  const ms = new Date(expiresAt).getTime() - now.getTime();
  if (!(ms > 0)) return '已过期';
  const days = Math.floor(ms / 86_400_000);
  if (days >= 1) return `还剩 ${days} 天`;
  return `还剩 ${Math.max(1, Math.floor(ms / 3_600_000))} 小时`;
}
