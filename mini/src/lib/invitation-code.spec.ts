import { encodeInviteQr, expiryText, formatInviteCode, parseInviteInput } from './invitation-code';

describe('parseInviteInput', () => {
  it('reads back what the QR encodes', () => {
    expect(parseInviteInput(encodeInviteQr('K7MX3Q9P'))).toBe('K7MX3Q9P');
  });
  it('accepts lower case, spaces and dashes, and a link with ?invite=', () => {
    expect(parseInviteInput(' k7mx-3q9p ')).toBe('K7MX3Q9P');
    expect(parseInviteInput('K7MX 3Q9P')).toBe('K7MX3Q9P');
    expect(parseInviteInput('https://ms.example.cn/#/pages/auth/join/index?invite=K7MX3Q9P')).toBe(
      'K7MX3Q9P',
    );
  });
  it('rejects look-alikes, wrong lengths and junk', () => {
    expect(parseInviteInput('K7MX3Q90')).toBeNull();
    expect(parseInviteInput('K7MX3QIP')).toBeNull();
    expect(parseInviteInput('K7MX3Q9')).toBeNull();
    expect(parseInviteInput('')).toBeNull();
  });
});

describe('formatInviteCode', () => {
  it('groups the code by four', () => {
    expect(formatInviteCode('K7MX3Q9P')).toBe('K7MX 3Q9P');
  });
});

describe('expiryText', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('counts whole days, then hours, then says expired', () => {
    expect(expiryText('2026-01-08T00:00:00Z', now)).toBe('还剩 7 天');
    expect(expiryText('2026-01-01T05:30:00Z', now)).toBe('还剩 5 小时');
    expect(expiryText('2026-01-01T00:10:00Z', now)).toBe('还剩 1 小时');
    expect(expiryText('2025-12-31T00:00:00Z', now)).toBe('已过期');
  });
});
