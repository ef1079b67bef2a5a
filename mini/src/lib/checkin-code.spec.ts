import {
  checkinEntryFromParams,
  decodeLaunchUrl,
  encodeCheckinQr,
  formatShortCode,
  parseCheckinEntry,
  parseCheckinInput,
  secondsLeft,
  shortCodeDigits,
} from './checkin-code';

describe('parseCheckinInput', () => {
  it('reads back what the QR encodes', () => {
    expect(parseCheckinInput(encodeCheckinQr('K7Q2ZX'))).toBe('K7Q2ZX');
  });
  it('accepts a link with ?code=', () => {
    expect(
      parseCheckinInput('https://ms.example.cn/#/pages/apprentice/checkin/index?code=AB12CD&x=1'),
    ).toBe('AB12CD');
  });
  it('accepts a typed or pasted signed code, dropping spaces but keeping . - _', () => {
    expect(parseCheckinInput(' v1.12.3.1.1.5812 3456.Ab_c-Def0123456789xyzQ ')).toBe(
      'v1.12.3.1.1.58123456.Ab_c-Def0123456789xyzQ',
    );
    expect(parseCheckinInput(encodeCheckinQr('v1.2.3.4.5.6.abc-_'))).toBe('v1.2.3.4.5.6.abc-_');
  });
  it('rejects empty and junk input', () => {
    expect(parseCheckinInput('')).toBeNull();
    expect(parseCheckinInput(undefined)).toBeNull();
    expect(parseCheckinInput('你好')).toBeNull();
    expect(parseCheckinInput('ab')).toBeNull();
    expect(parseCheckinInput('x'.repeat(121))).toBeNull();
  });
});

describe('secondsLeft', () => {
  it('rounds up and never goes negative', () => {
    const now = Date.parse('2025-06-01T08:00:00Z');
    expect(secondsLeft('2025-06-01T08:00:10.200Z', now)).toBe(11);
    expect(secondsLeft('2025-06-01T07:59:00Z', now)).toBe(0);
    expect(secondsLeft('bad', now)).toBe(0);
  });
});

describe('parseCheckinEntry', () => {
  it('reads 6 typed digits as a short code, spaces allowed', () => {
    expect(parseCheckinEntry('483920')).toEqual({ shortCode: '483920' });
    expect(parseCheckinEntry(' 483 920 ')).toEqual({ shortCode: '483920' });
    expect(parseCheckinEntry('007000')).toEqual({ shortCode: '007000' });
  });
  it('still takes a scanned or pasted long token', () => {
    expect(parseCheckinEntry(encodeCheckinQr('v1.2.3.4.5.6.abc-_'))).toEqual({
      code: 'v1.2.3.4.5.6.abc-_',
    });
    expect(parseCheckinEntry('v1.12.3.1.1.58123456.Ab_c-Def0123456789xyzQ')).toEqual({
      code: 'v1.12.3.1.1.58123456.Ab_c-Def0123456789xyzQ',
    });
  });
  it('refuses too few or too many digits and junk', () => {
    expect(parseCheckinEntry('48392')).toBeNull();
    expect(parseCheckinEntry('4839201')).toBeNull();
    expect(parseCheckinEntry('')).toBeNull();
    expect(parseCheckinEntry('你好')).toBeNull();
  });
});

describe('short code display', () => {
  it('groups the digits in threes and reads them back', () => {
    expect(formatShortCode('483920')).toBe('483 920');
    expect(shortCodeDigits('483 920')).toBe('483920');
    expect(formatShortCode('')).toBe('');
  });
});

describe('check-in links (the QR since issue 8)', () => {
  const link = 'https://studio.example.com/c/048213';

  describe('parseCheckinEntry', () => {
    it('reads the short code out of the link a camera or the in-app scanner gives', () => {
      expect(parseCheckinEntry(link)).toEqual({ shortCode: '048213' });
      expect(parseCheckinEntry(' http://192.168.1.5:3000/c/048213/ ')).toEqual({
        shortCode: '048213',
      });
      expect(parseCheckinEntry(`${link}?from=poster#x`)).toEqual({ shortCode: '048213' });
    });
    it("reads the H5 page's own link (?code=) as a short code, a token there as a token", () => {
      expect(
        parseCheckinEntry(
          'https://studio.example.com/#/pages/apprentice/checkin/index?code=048213',
        ),
      ).toEqual({ shortCode: '048213' });
      expect(
        parseCheckinEntry(
          'https://studio.example.com/#/pages/apprentice/checkin/index?code=v1.2.3.4.5.6.abc-_',
        ),
      ).toEqual({ code: 'v1.2.3.4.5.6.abc-_' });
    });
    it('refuses a link whose code is not six digits, or that is not a check-in link', () => {
      expect(parseCheckinEntry('https://studio.example.com/c/04821')).toBeNull();
      expect(parseCheckinEntry('https://studio.example.com/c/0482130')).toBeNull();
      expect(parseCheckinEntry('https://studio.example.com/c/048213/more')).toBeNull();
      expect(parseCheckinEntry('https://studio.example.com/x/048213')).toBeNull();
    });
  });

  describe('decodeLaunchUrl', () => {
    it("decodes WeChat's q once, or again when it was encoded twice", () => {
      expect(decodeLaunchUrl(encodeURIComponent(link))).toBe(link);
      expect(decodeLaunchUrl(encodeURIComponent(encodeURIComponent(link)))).toBe(link);
      expect(decodeLaunchUrl(link)).toBe(link);
    });
    it('leaves a malformed escape as it is', () => {
      expect(decodeLaunchUrl('https%3A%2F%2Fx%E0%A4%A')).toBe('https%3A%2F%2Fx%E0%A4%A');
    });
  });

  describe('checkinEntryFromParams', () => {
    it('takes the q launch option of the QR rule (with scancode_time beside it)', () => {
      expect(
        checkinEntryFromParams({ q: encodeURIComponent(link), scancode_time: '1764547200' }),
      ).toEqual({ shortCode: '048213' });
    });
    it('takes ?code= from the redirect of /c/<code>', () => {
      expect(checkinEntryFromParams({ code: '048213' })).toEqual({ shortCode: '048213' });
    });
    it('prefers q, and gives null without either or with junk', () => {
      expect(checkinEntryFromParams({ q: encodeURIComponent(link), code: '111111' })).toEqual({
        shortCode: '048213',
      });
      expect(checkinEntryFromParams({})).toBeNull();
      expect(
        checkinEntryFromParams({ q: encodeURIComponent('https://other.example.com/somewhere') }),
      ).toBeNull();
      expect(checkinEntryFromParams({ code: '12' })).toBeNull();
    });
  });
});
