import { createHash, randomInt } from 'node:crypto';

/**
 * Invitation codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a
 * code read aloud or typed from a screenshot goes in right. 31^8 ≈ 8.5 × 10^11 codes; with
 * the redeem rate limit and a 7-day life, guessing one is hopeless. Only the hash is stored.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function generateCode(pick: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[pick(CODE_ALPHABET.length)];
  return code;
}

/** What the user typed → the canonical code: upper case, spaces and dashes dropped. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isWellFormedCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

export function hashCode(code: string): string {
  return createHash('sha256').update(`master-studio-invitation:${code}`).digest('hex');
}
