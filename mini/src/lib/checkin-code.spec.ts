import { encodeCheckinQr, parseCheckinInput, secondsLeft } from './checkin-code';

describe('parseCheckinInput', () => {
  it('reads back what the QR encodes', () => {
    expect(parseCheckinInput(encodeCheckinQr('K7Q2ZX'))).toBe('K7Q2ZX');
  });
  it('accepts a link with ?code=', () => {
    expect(parseCheckinInput('https://ms.example.cn/#/pages/apprentice/checkin/index?code=AB12CD&x=1')).toBe('AB12CD');
  });
  it('accepts a typed code with spaces or dashes', () => {
    expect(parseCheckinInput(' ab12-cd 34 ')).toBe('ab12cd34');
  });
  it('rejects empty and junk input', () => {
    expect(parseCheckinInput('')).toBeNull();
    expect(parseCheckinInput(undefined)).toBeNull();
    expect(parseCheckinInput('你好')).toBeNull();
    expect(parseCheckinInput('ab')).toBeNull();
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
