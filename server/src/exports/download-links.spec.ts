import { DownloadLinks, LINK_TTL_SECONDS } from './download-links';

describe(DownloadLinks.name, () => {
  const links = new DownloadLinks('unit-test-secret-0123456789');
  const payload = {
    sub: 7,
    pid: 3,
    g: [['leader', 5, null, null, null]] as [
      string,
      number | null,
      number | null,
      number | null,
      number | null,
    ][],
  };
  const req = { kind: 'roster' as const, studioId: 5 };
  const now = Date.parse('2026-03-01T08:00:00Z');

  describe('sign / verify', () => {
    it('round-trips the caller and the export until the expiry', () => {
      const { token, expiresAt } = links.sign(payload as never, req, now);
      expect(expiresAt).toBe(new Date(now + LINK_TTL_SECONDS * 1000).toISOString());
      expect(links.verify(token, now + (LINK_TTL_SECONDS - 1) * 1000)).toEqual({
        ok: true,
        payload,
        request: req,
      });
    });

    it('refuses the link from its expiry on', () => {
      const { token } = links.sign(payload as never, req, now);
      expect(links.verify(token, now + LINK_TTL_SECONDS * 1000)).toEqual({
        ok: false,
        reason: 'expired',
      });
    });

    it('refuses a token signed with another secret, an edited body and garbage', () => {
      const other = new DownloadLinks('another-secret-0123456789').sign(
        payload as never,
        req,
        now,
      ).token;
      expect(links.verify(other, now)).toEqual({ ok: false, reason: 'invalid' });
      const [body, mac] = links.sign(payload as never, req, now).token.split('.');
      const edited = Buffer.from(
        Buffer.from(body!, 'base64url').toString().replace('"studioId":5', '"studioId":6'),
      ).toString('base64url');
      expect(links.verify(`${edited}.${mac}`, now)).toEqual({ ok: false, reason: 'invalid' });
      for (const junk of ['', 'a', 'a.b', 'a.b.c']) expect(links.verify(junk, now).ok).toBe(false);
    });
  });
});
