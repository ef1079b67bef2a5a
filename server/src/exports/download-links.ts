/**
 * Short-lived signed download links. An authenticated POST /exports/links checks access and
 * returns a URL whose `token` carries the caller (as in the access token), the export asked
 * for and an expiry, signed with an HMAC key derived from the JWT secret. GET
 * /exports/download?token=… needs no Authorization header (Taro.downloadFile and an H5 <a>
 * cannot send one) and runs the same export with the same access check as the Bearer routes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TokenPayload } from '../auth/caller';
import type { ExportRequest } from './export-request';

export const LINK_TTL_SECONDS = 300;

interface LinkBody {
  v: 1;
  p: TokenPayload;
  x: ExportRequest;
  /** Expiry, seconds since the epoch. */
  e: number;
}

export type LinkCheck =
  | { ok: true; payload: TokenPayload; request: ExportRequest }
  | { ok: false; reason: 'invalid' | 'expired' };

const b64 = (b: Buffer): string => b.toString('base64url');

export class DownloadLinks {
  private readonly key: Buffer;

  constructor(secret: string) {
    // Its own key: a link token can never be replayed as an access token, nor the reverse.
    this.key = createHmac('sha256', secret).update('master-studio download link v1').digest();
  }

  sign(
    payload: TokenPayload,
    request: ExportRequest,
    nowMs: number,
    ttlSeconds = LINK_TTL_SECONDS,
  ): { token: string; expiresAt: string } {
    const e = Math.floor(nowMs / 1000) + ttlSeconds;
    const body = b64(
      Buffer.from(JSON.stringify({ v: 1, p: payload, x: request, e } satisfies LinkBody), 'utf8'),
    );
    return { token: `${body}.${this.mac(body)}`, expiresAt: new Date(e * 1000).toISOString() };
  }

  verify(token: string, nowMs: number): LinkCheck {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined) return { ok: false, reason: 'invalid' };
    const want = Buffer.from(this.mac(body));
    const got = Buffer.from(mac);
    if (want.length !== got.length || !timingSafeEqual(want, got))
      return { ok: false, reason: 'invalid' };
    let parsed: LinkBody;
    try {
      parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as LinkBody;
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    if (parsed.v !== 1 || typeof parsed.e !== 'number' || !parsed.p || !parsed.x)
      return { ok: false, reason: 'invalid' };
    if (parsed.e * 1000 <= nowMs) return { ok: false, reason: 'expired' };
    return { ok: true, payload: parsed.p, request: parsed.x };
  }

  private mac(body: string): string {
    return b64(createHmac('sha256', this.key).update(body).digest());
  }
}
