/**
 * What the leader's rotating QR encodes, and how a scan, a link or a typed code is read back.
 * Since issue 8 the QR is the server's link `https://<host>/c/<6 digits>` (docs/api.md "Check-in
 * flow"), so WeChat's scanner and any phone camera can open it; `MSCHECKIN:<token>`, the in-app
 * text of earlier builds, is still read.
 */
export const QR_PREFIX = 'MSCHECKIN:';

export function encodeCheckinQr(code: string): string {
  return `${QR_PREFIX}${code}`;
}

/** The path of a check-in link: `/c/` and the 6-digit short code, then nothing but a query or fragment. */
const LINK_PATH = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+\/c\/(\d{6})\/?(?:[?#]\S*)?$/i;

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
  const link = LINK_PATH.exec((raw ?? '').trim());
  if (link?.[1]) return { shortCode: link[1] };
  const digits = shortCodeDigits(raw);
  if (/^\d{6}$/.test(digits)) return { shortCode: digits };
  if (/^\d{1,7}$/.test(digits)) return null; // a short code with too few or too many digits
  const code = parseCheckinInput(raw);
  if (code && /^\d{6}$/.test(code)) return { shortCode: code }; // ?code=483920: the H5 page's own link
  return code ? { code } : null;
}

/**
 * The URL in WeChat's `q` launch option. WeChat documents one decodeURIComponent; decode until
 * it reads as a URL (at most three times, in case a router encoded it again), and leave a
 * malformed escape as it is.
 */
export function decodeLaunchUrl(q: string): string {
  let s = q.trim();
  for (let i = 0; i < 3 && !/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && /%[0-9a-f]{2}/i.test(s); i++) {
    try {
      s = decodeURIComponent(s);
    } catch {
      break;
    }
  }
  return s;
}

/**
 * The check-in a page was opened for: `q` when WeChat's "扫普通链接二维码打开小程序" rule opened
 * the mini program from the QR link, `code` when a browser followed the link (the server's
 * redirect to `…/checkin/index?code=483920`) or an app link. null: opened without one.
 */
export function checkinEntryFromParams(
  params: Partial<Record<string, string>>,
): CheckinEntry | null {
  if (params.q) return parseCheckinEntry(decodeLaunchUrl(params.q));
  if (params.code) return parseCheckinEntry(params.code);
  return null;
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
