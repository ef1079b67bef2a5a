import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encryption at rest for a personal field a future form may have to keep (an ID-card number,
 * 个人信息保护法 第二十八条 sensitive information). Nothing uses it today: the app stores no
 * ID-card number (the printed application forms leave that box blank to be filled by hand).
 * AES-256-GCM with the key from PRIVACY_FIELD_KEY; the stored text is `v1:` + base64 of
 * iv (12) | tag (16) | ciphertext, so a wrong key or a changed byte fails instead of decrypting.
 */
export function encryptField(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `v1:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
}

export function decryptField(key: Buffer, stored: string): string {
  if (!stored.startsWith('v1:')) throw new Error('not an encrypted field');
  const raw = Buffer.from(stored.slice(3), 'base64');
  const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
}

/** A mainland resident ID number (18 characters, the last may be X): refused in free text. */
export const ID_CARD_NUMBER =
  /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/;
