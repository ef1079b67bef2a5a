import { CheckinCodes } from './checkin-code';

const scope = { activityId: 7, studioId: 3, unitId: 2, jurisdictionId: 1 };
const t0 = Date.parse('2025-06-01T08:00:00Z'); // a window boundary for 30 s windows
const codes = new CheckinCodes('secret-one-0123456789', 30);

describe(CheckinCodes.name, () => {
  describe('verify', () => {
    it('accepts the current and the previous window, then expires', () => {
      const { code } = codes.issue(scope, t0);
      expect(codes.verify(code, t0 + 29_000)).toEqual({
        ok: true,
        scope,
        window: codes.windowAt(t0),
      });
      expect(codes.verify(code, t0 + 59_000).ok).toBe(true);
      expect(codes.verify(code, t0 + 60_000)).toEqual({ ok: false, reason: 'expired' });
    });

    it('rejects a code from the future, a tampered scope and another secret', () => {
      const { code } = codes.issue(scope, t0 + 30_000);
      expect(codes.verify(code, t0)).toEqual({ ok: false, reason: 'invalid' });
      const own = codes.issue(scope, t0).code;
      expect(codes.verify(own.replace('v1.7.3.', 'v1.8.3.'), t0)).toEqual({
        ok: false,
        reason: 'invalid',
      });
      const other = new CheckinCodes('secret-two-0123456789', 30).issue(scope, t0).code;
      expect(codes.verify(other, t0)).toEqual({ ok: false, reason: 'invalid' });
      expect(codes.verify('garbage', t0)).toEqual({ ok: false, reason: 'invalid' });
    });
  });

  describe('issue', () => {
    it('rotates with the window and states when the shown code ends', () => {
      const a = codes.issue(scope, t0);
      const b = codes.issue(scope, t0 + 30_000);
      expect(a.code).not.toBe(b.code);
      expect(a.expiresAt).toBe('2025-06-01T08:00:30.000Z');
    });
  });

  describe('shortCode', () => {
    it('is six digits, the same within a window and zero-padded', () => {
      const w = codes.windowAt(t0);
      expect(codes.shortCode(7, w)).toMatch(/^\d{6}$/);
      expect(codes.shortCode(7, w)).toBe(codes.shortCode(7, w));
      expect(new CheckinCodes('secret-one-0123456789', 30).shortCode(7, w)).toBe(
        codes.shortCode(7, w),
      );
      expect(codes.issue(scope, t0).shortCode).toBe(codes.shortCode(7, w));
      expect(codes.issue(scope, t0 + 29_000).shortCode).toBe(codes.shortCode(7, w));
      // Over many windows every code has six digits, and some start with 0 (padding kept).
      const many = Array.from({ length: 2000 }, (_, i) => codes.shortCode(7, i));
      expect(many.every((c) => /^\d{6}$/.test(c))).toBe(true);
      expect(many.some((c) => c.startsWith('0'))).toBe(true);
    });

    it('differs across windows, activities and secrets', () => {
      const w = codes.windowAt(t0);
      expect(codes.shortCode(7, w)).not.toBe(codes.shortCode(7, w + 1));
      expect(codes.shortCode(7, w)).not.toBe(codes.shortCode(8, w));
      expect(new CheckinCodes('secret-two-0123456789', 30).shortCode(7, w)).not.toBe(
        codes.shortCode(7, w),
      );
      const perWindow = new Set(Array.from({ length: 500 }, (_, i) => codes.shortCode(7, w + i)));
      expect(perWindow.size).toBeGreaterThan(495);
    });

    it('matches in the current and the previous window only', () => {
      const w = codes.windowAt(t0);
      const shown = codes.shortCode(7, w);
      expect(codes.matchShort([5, 7, 9], shown, t0)).toEqual([7]);
      expect(codes.matchShort([5, 7, 9], shown, t0 + 59_000)).toEqual([7]);
      expect(codes.matchShort([5, 7, 9], shown, t0 + 60_000)).toEqual([]);
      expect(codes.matchShort([7], codes.shortCode(7, w + 1), t0)).toEqual([]); // not from the future
      expect(codes.matchShort([7], '12345', t0)).toEqual([]);
      expect(codes.matchShort([], shown, t0)).toEqual([]);
    });
  });
});
