import { parsePeriodKey } from './period-key';

describe('parsePeriodKey', () => {
  it('reads years, ranges and current', () => {
    expect(parsePeriodKey('2025')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(parsePeriodKey('2024-03-01_2026-02-28')).toEqual({
      from: '2024-03-01',
      to: '2026-02-28',
    });
    expect(parsePeriodKey('current')).toBe('current');
  });

  it('rejects reversed, impossible and malformed ranges', () => {
    expect(parsePeriodKey('2026-01-01_2025-01-01')).toBeNull();
    expect(parsePeriodKey('2025-02-30_2025-12-31')).toBeNull();
    expect(parsePeriodKey('25')).toBeNull();
  });
});
