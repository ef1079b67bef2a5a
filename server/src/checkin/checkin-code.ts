import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Check-in codes: `v1.<activity>.<studio>.<unit>.<jurisdiction>.<window>.<mac>` where
 * window = floor(unix seconds / rotateSeconds) and mac = HMAC-SHA256 (first 16 bytes,
 * base64url) over everything before it. The signed scope lets the check-in be decided
 * and recorded without reading the activity first. A code is accepted in its own window
 * and the next one, so a QR scanned just before it rotates still works.
 *
 * Short codes are the typeable twin for the browser, where nobody can scan: 6 digits
 * derived, without storage, from HMAC-SHA256(secret, `short.<activity>.<window>`) and
 * rotating with the same windows. They carry no scope, so the server finds the activity
 * among the open check-ins of the caller's own studios (see CheckinService.submitShort).
 */
export interface CodeScope {
  activityId: number;
  studioId: number;
  unitId: number;
  jurisdictionId: number;
}

export type VerifyResult =
  { ok: true; scope: CodeScope; window: number } | { ok: false; reason: 'invalid' | 'expired' };

export class CheckinCodes {
  constructor(
    private readonly secret: string,
    readonly rotateSeconds: number,
  ) {}

  windowAt(nowMs: number): number {
    return Math.floor(nowMs / 1000 / this.rotateSeconds);
  }

  issue(scope: CodeScope, nowMs: number): { code: string; shortCode: string; expiresAt: string } {
    const window = this.windowAt(nowMs);
    const body = `v1.${scope.activityId}.${scope.studioId}.${scope.unitId}.${scope.jurisdictionId}.${window}`;
    // Shown until the window ends; accepted one window longer.
    return {
      code: `${body}.${this.mac(body)}`,
      shortCode: this.shortCode(scope.activityId, window),
      expiresAt: new Date((window + 1) * this.rotateSeconds * 1000).toISOString(),
    };
  }

  /** The 6-digit code of an activity in a window: the first 48 bits of the HMAC mod 10^6, zero-padded. */
  shortCode(activityId: number, window: number): string {
    const n =
      createHmac('sha256', this.secret)
        .update(`short.${activityId}.${window}`)
        .digest()
        .readUIntBE(0, 6) % 1_000_000;
    return String(n).padStart(6, '0');
  }

  /**
   * The activities among `activityIds` whose short code for the current or the previous
   * window equals `given` (constant-time compares; every candidate is checked).
   */
  matchShort(activityIds: readonly number[], given: string, nowMs: number): number[] {
    if (!/^\d{6}$/.test(given)) return [];
    const now = this.windowAt(nowMs);
    const g = Buffer.from(given);
    const hits: number[] = [];
    for (const id of activityIds) {
      let hit = false;
      for (const w of [now, now - 1])
        if (timingSafeEqual(Buffer.from(this.shortCode(id, w)), g)) hit = true;
      if (hit) hits.push(id);
    }
    return hits;
  }

  verify(code: string, nowMs: number): VerifyResult {
    const m =
      /^v1\.(\d{1,10})\.(\d{1,10})\.(\d{1,10})\.(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/.exec(
        code,
      );
    if (!m) return { ok: false, reason: 'invalid' };
    const body = code.slice(0, code.lastIndexOf('.'));
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(m[6] as string);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      return { ok: false, reason: 'invalid' };
    const window = Number(m[5]);
    const now = this.windowAt(nowMs);
    if (window > now) return { ok: false, reason: 'invalid' };
    if (window < now - 1) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      window,
      scope: {
        activityId: Number(m[1]),
        studioId: Number(m[2]),
        unitId: Number(m[3]),
        jurisdictionId: Number(m[4]),
      },
    };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret)
      .update(`checkin:${body}`)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
  }
}
