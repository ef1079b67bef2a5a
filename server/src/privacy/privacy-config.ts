// config.ts imports this file too: the functions below are only called at boot, after both loaded.
import { ConfigError, parseBoolean } from '../config/config-values';

export interface PrivacyConfig {
  /** The scheduled retention anonymisation of this process (PRIVACY_RETENTION_JOB, default on; off in tests, which drive it). */
  retentionJob: boolean;
  /**
   * PRIVACY_FIELD_KEY: 32 bytes in base64, the key of field-cipher.ts for a personal field that must
   * be stored encrypted at rest. None is stored today (no ID-card number is kept); null: unset.
   */
  fieldKey: Buffer | null;
}

export function loadPrivacyConfig(env: NodeJS.ProcessEnv): PrivacyConfig {
  const keyRaw = (env.PRIVACY_FIELD_KEY ?? '').trim();
  let fieldKey: Buffer | null = null;
  if (keyRaw !== '') {
    fieldKey = Buffer.from(keyRaw, 'base64');
    if (fieldKey.length !== 32)
      throw new ConfigError(
        'PRIVACY_FIELD_KEY',
        'must be 32 bytes in base64 (openssl rand -base64 32)',
      );
  }
  return {
    retentionJob: parseBoolean('PRIVACY_RETENTION_JOB', env.PRIVACY_RETENTION_JOB, true),
    fieldKey,
  };
}
