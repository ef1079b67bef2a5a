import { decodeResume, encodeResume, RESUME_TTL_MS } from './resume';

describe('resume after sign-in', () => {
  const now = Date.parse('2025-06-01T08:00:00Z');
  const url = '/pages/apprentice/checkin/index?code=048213';

  it('reads back what was stored, until it is stale', () => {
    const raw = encodeResume(url, 'apprentice', now);
    expect(decodeResume(raw, now + 1000)).toEqual({
      url,
      role: 'apprentice',
      until: now + RESUME_TTL_MS,
    });
    expect(decodeResume(raw, now + RESUME_TTL_MS)).toBeNull();
  });

  it('keeps a token-carrying check-in url (percent-encoded)', () => {
    const token = `/pages/apprentice/checkin/index?code=${encodeURIComponent('v1.2.3.4.5.6.abc-_')}`;
    expect(decodeResume(encodeResume(token, 'apprentice', now), now)?.url).toBe(token);
  });

  it('refuses anything but an in-app page: other sites, script URLs, junk', () => {
    for (const bad of [
      'https://evil.example/pages/x',
      'javascript:alert(1)',
      '//evil.example',
      '/pages/../x?y=<z>',
      '',
    ]) {
      expect(decodeResume(encodeResume(bad, 'apprentice', now), now)).toBeNull();
    }
    expect(decodeResume('{', now)).toBeNull();
    expect(decodeResume(JSON.stringify({ url, role: 'apprentice' }), now)).toBeNull();
    expect(decodeResume(undefined, now)).toBeNull();
  });
});
