import { deliverAt } from './quiet-hours';

describe('quiet hours 22:00–08:00 Asia/Shanghai', () => {
  const at = (iso: string): string => deliverAt(new Date(iso)).toISOString();
  it('keeps daytime as is', () => {
    expect(at('2026-12-01T00:00:00Z')).toBe('2026-12-01T00:00:00.000Z'); // 08:00 Shanghai
    expect(at('2026-12-01T13:59:59Z')).toBe('2026-12-01T13:59:59.000Z'); // 21:59:59
  });
  it('delays the evening to the next 08:00 and the small hours to the same day 08:00', () => {
    expect(at('2026-12-01T14:00:00Z')).toBe('2026-12-02T00:00:00.000Z'); // 22:00 → next 08:00
    expect(at('2026-12-01T15:30:00Z')).toBe('2026-12-02T00:00:00.000Z'); // 23:30
    expect(at('2026-12-01T18:00:00Z')).toBe('2026-12-02T00:00:00.000Z'); // 02:00 on the 2nd
    expect(at('2026-12-31T23:59:00Z')).toBe('2027-01-01T00:00:00.000Z'); // 07:59 → 08:00
  });
});
