import { randomBytes } from 'node:crypto';
import { getMetadataArgsStorage } from 'typeorm';
import { ENTITIES } from '../database/entities';
import { loadPrivacyConfig } from './privacy-config';
import { decryptField, encryptField, ID_CARD_NUMBER } from './field-cipher';

describe('personal data kept to the minimum (issue 17 §4)', () => {
  it('has no column for an ID-card number in any entity', () => {
    const targets = new Set<unknown>(ENTITIES);
    const columns = getMetadataArgsStorage()
      .columns.filter((c) => targets.has(c.target))
      .map((c) => `${String(c.propertyName)} ${String(c.options.name ?? '')}`);
    expect(columns.length).toBeGreaterThan(50);
    for (const c of columns) expect(c).not.toMatch(/id_?card|identity|citizen|passport/i);
  });

  it('encrypts a field at rest with the configured key, and refuses a wrong key or a changed byte', () => {
    const key = randomBytes(32);
    const stored = encryptField(key, '11010519491231002X');
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain('1101051949');
    expect(encryptField(key, '11010519491231002X')).not.toBe(stored); // fresh IV each time
    expect(decryptField(key, stored)).toBe('11010519491231002X');
    expect(() => decryptField(randomBytes(32), stored)).toThrow();
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
    expect(() => decryptField(key, `v1:${raw.toString('base64')}`)).toThrow();
  });

  it('takes the key from PRIVACY_FIELD_KEY (32 bytes, base64) and the job switch from PRIVACY_RETENTION_JOB', () => {
    const key = randomBytes(32).toString('base64');
    expect(loadPrivacyConfig({ PRIVACY_FIELD_KEY: key }).fieldKey?.toString('base64')).toBe(key);
    expect(loadPrivacyConfig({}).fieldKey).toBeNull();
    expect(() => loadPrivacyConfig({ PRIVACY_FIELD_KEY: 'c2hvcnQ=' })).toThrow(/PRIVACY_FIELD_KEY/);
    expect(loadPrivacyConfig({}).retentionJob).toBe(true);
    expect(loadPrivacyConfig({ PRIVACY_RETENTION_JOB: 'false' }).retentionJob).toBe(false);
  });

  it('recognises an ID-card number in free text', () => {
    expect(ID_CARD_NUMBER.test('身份证 11010519491231002X')).toBe(true);
    expect(ID_CARD_NUMBER.test('证书编号 Z-2025-001，电话 13812345678')).toBe(false);
  });
});
