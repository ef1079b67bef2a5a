import { isAtLeast } from './skill-levels.js';

describe('isAtLeast', () => {
  it('orders senior below technician and above intermediate', () => {
    expect(isAtLeast('technician', 'senior')).toBe(true);
    expect(isAtLeast('intermediate', 'senior')).toBe(false);
    expect(isAtLeast('senior', 'senior')).toBe(true);
  });
});
