import { decimalPlaces, isDecimal } from './validators';

describe('isDecimal', () => {
  it('counts decimals as JavaScript writes the number, exponents included', () => {
    expect(decimalPlaces(12)).toBe(0);
    expect(decimalPlaces(1.25)).toBe(2);
    expect(decimalPlaces(1.5e-7)).toBe(8);
    expect(decimalPlaces(-7e-323)).toBe(323);
    expect(decimalPlaces(1e21)).toBe(0);
  });

  it('accepts yuan with fen and refuses finer or non-finite numbers without throwing', () => {
    expect(isDecimal(19.99, 2)).toBe(true);
    expect(isDecimal(0, 2)).toBe(true);
    expect(isDecimal(1e10, 2)).toBe(true);
    // class-validator's IsNumber({ maxDecimalPlaces }) threw a TypeError (a 500) on these.
    expect(isDecimal(-7e-323, 2)).toBe(false);
    expect(isDecimal(1e-7, 2)).toBe(false);
    expect(isDecimal(0.001, 2)).toBe(false);
    expect(isDecimal(Number.NaN, 2)).toBe(false);
    expect(isDecimal(Number.POSITIVE_INFINITY, 2)).toBe(false);
    expect(isDecimal('1.5', 2)).toBe(false);
  });
});
