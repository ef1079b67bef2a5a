import { BIRTH_DATE, datePickerProps, EVENT_DATE } from './date-picker';

describe('datePickerProps', () => {
  it('opens an empty birth date in 1975, reaching back to 1940 and no later than today', () => {
    expect(datePickerProps('', BIRTH_DATE, '2026-12-01', false)).toEqual({
      start: '1940-01-01',
      end: '2026-12-01',
      value: '1975-01-01',
    });
  });

  it('opens at the chosen date once there is one, and other dates at today', () => {
    expect(datePickerProps('1968-05-04', BIRTH_DATE, '2026-12-01', false).value).toBe('1968-05-04');
    expect(datePickerProps('', EVENT_DATE, '2026-12-01')).toEqual({
      start: '1960-01-01',
      end: undefined,
      value: '2026-12-01',
    });
  });
});
