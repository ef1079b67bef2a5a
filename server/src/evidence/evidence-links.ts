/**
 * Short-lived signed links to one attachment (the file or its thumbnail). An authenticated list
 * signs them after the access check; GET /evidence/file?token=… needs no Authorization header
 * (an <img>, Taro.previewImage, Taro.downloadFile cannot send one) and checks the caller's
 * access again before a byte goes out. HMAC-SHA256 with a key derived from the server secret
 * (its own key: never valid as an access token or an export link).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TokenPayload } from '../auth/caller';

export type LinkVariant = 'file' | 'thumb';

interface LinkBody {
  v: 1;
  p: TokenPayload;
  /** studio id, evidence id */
  s: number;
  i: number;
  t: LinkVariant;
  /** expiry, seconds since the epoch */
  e: number;
}

export type EvidenceLinkCheck =
  | { ok: true; payload: TokenPayload; studioId: number; evidenceId: number; variant: LinkVariant }
  | { ok: false; reason: 'invalid' | 'expired' };

export class EvidenceLinks {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('master-studio evidence link v1').digest();
  }

  sign(
    payload: TokenPayload,
    studioId: number,
    evidenceId: number,
    variant: LinkVariant,
    nowMs: number,
    ttlSeconds: number,
  ): string {
    const body: LinkBody = {
      v: 1,
      p: payload,
      s: studioId,
      i: evidenceId,
      t: variant,
      e: Math.floor(nowMs / 1000) + ttlSeconds,
    };
    const b = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
    return `${b}.${this.mac(b)}`;
  }

  verify(token: string, nowMs: number): EvidenceLinkCheck {
    const [b, mac, extra] = token.split('.');
    if (!b || !mac || extra !== undefined) return { ok: false, reason: 'invalid' };
    const want = Buffer.from(this.mac(b));
    const got = Buffer.from(mac);
    if (want.length !== got.length || !timingSafeEqual(want, got))
      return { ok: false, reason: 'invalid' };
    let x: LinkBody;
    try {
      x = JSON.parse(Buffer.from(b, 'base64url').toString('utf8')) as LinkBody;
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    if (x.v !== 1 || typeof x.e !== 'number' || !x.p || (x.t !== 'file' && x.t !== 'thumb'))
      return { ok: false, reason: 'invalid' };
    if (x.e * 1000 <= nowMs) return { ok: false, reason: 'expired' };
    return { ok: true, payload: x.p, studioId: x.s, evidenceId: x.i, variant: x.t };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
