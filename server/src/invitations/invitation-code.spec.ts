import {
  CODE_ALPHABET,
  generateCode,
  hashCode,
  isWellFormedCode,
  normalizeCode,
} from './invitation-code';

describe('invitation codes', () => {
  describe(generateCode.name, () => {
    it('makes 8 characters from the unambiguous alphabet', () => {
      for (let i = 0; i < 200; i++) {
        const code = generateCode();
        expect(code).toMatch(/^[A-Z2-9]{8}$/);
        expect(code).not.toMatch(/[01OIL]/);
        expect(isWellFormedCode(code)).toBe(true);
      }
    });

    it('draws every character from the random source', () => {
      expect(generateCode(() => 0)).toBe('AAAAAAAA');
      expect(generateCode((max) => max - 1)).toBe('99999999');
      expect(CODE_ALPHABET).toHaveLength(31);
    });
  });

  describe(normalizeCode.name, () => {
    it('accepts lower case, spaces and dashes', () => {
      expect(normalizeCode(' abcd-ef23 ')).toBe('ABCDEF23');
      expect(isWellFormedCode(normalizeCode('abcd ef23'))).toBe(true);
    });

    it('rejects look-alikes and wrong lengths', () => {
      expect(isWellFormedCode('ABCDEF20')).toBe(false);
      expect(isWellFormedCode('ABCDEFGI')).toBe(false);
      expect(isWellFormedCode('ABCDEFG')).toBe(false);
      expect(isWellFormedCode('ABCDEFGHJ')).toBe(false);
    });
  });

  describe(hashCode.name, () => {
    it('is a stable hex digest that does not contain the code', () => {
      expect(hashCode('ABCDEF23')).toMatch(/^[0-9a-f]{64}$/);
      expect(hashCode('ABCDEF23')).toBe(hashCode('ABCDEF23'));
      expect(hashCode('ABCDEF23')).not.toBe(hashCode('ABCDEF24'));
    });
  });
});
