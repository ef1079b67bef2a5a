import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Check-in codes: `v1.<activity>.<studio>.<unit>.<jurisdiction>.<window>.<mac>` where
 * window = floor(unix seconds / rotateSeconds) and mac = HMAC-SHA256 (first 16 bytes,
 * base64url) over everything before it. The signed scope lets the check-in be decided
 * and recorded without reading the activity first. A code is accepted in its own window
 * and the next one, so a QR scanned just before it rotates still works.
 */
export interface CodeScope {
  activityId: number;
  studioId: number;
  unitId: number;
  jurisdictionId: number;
}

export type VerifyResult = { ok: true; scope: CodeScope; window: number } | { ok: false; reason: 'invalid' | 'expired' };

export class CheckinCodes {
  constructor(
    private readonly secret: string,
    readonly rotateSeconds: number,
  ) {}

  windowAt(nowMs: number): number {
    return Math.floor(nowMs / 1000 / this.rotateSeconds);
  }

  issue(scope: CodeScope, nowMs: number): { code: string; expiresAt: string } {
    const window = this.windowAt(nowMs);
    const body = `v1.${scope.activityId}.${scope.studioId}.${scope.unitId}.${scope.jurisdictionId}.${window}`;
    // Shown until the window ends; accepted one window longer.
    return { code: `${body}.${this.mac(body)}`, expiresAt: new Date((window + 1) * this.rotateSeconds * 1000).toISOString() };
  }

  verify(code: string, nowMs: number): VerifyResult {
    const m = /^v1\.(\d{1,10})\.(\d{1,10})\.(\d{1,10})\.(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/.exec(code);
    if (!m) return { ok: false, reason: 'invalid' };
    const body = code.slice(0, code.lastIndexOf('.'));
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(m[6] as string);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
    const window = Number(m[5]);
    const now = this.windowAt(nowMs);
    if (window > now) return { ok: false, reason: 'invalid' };
    if (window < now - 1) return { ok: false, reason: 'expired' };
    return { ok: true, window, scope: { activityId: Number(m[1]), studioId: Number(m[2]), unitId: Number(m[3]), jurisdictionId: Number(m[4]) } };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(`checkin:${body}`).digest().subarray(0, 16).toString('base64url');
  }
}
