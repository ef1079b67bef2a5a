import { encodeCheckinQr, parseCheckinInput, secondsLeft } from './checkin-code';

describe('parseCheckinInput', () => {
  it('reads back what the QR encodes', () => {
    expect(parseCheckinInput(encodeCheckinQr('K7Q2ZX'))).toBe('K7Q2ZX');
  });
  it('accepts a link with ?code=', () => {
    expect(parseCheckinInput('https://ms.example.cn/#/pages/apprentice/checkin/index?code=AB12CD&x=1')).toBe('AB12CD');
  });
  it('accepts a typed or pasted signed code, dropping spaces but keeping . - _', () => {
    expect(parseCheckinInput(' v1.12.3.1.1.5812 3456.Ab_c-Def0123456789xyzQ ')).toBe('v1.12.3.1.1.58123456.Ab_c-Def0123456789xyzQ');
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
