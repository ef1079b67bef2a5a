/**
 * Evidence storage settings, read once at boot with the rest of the configuration (config.ts
 * calls parseEvidenceConfig). A bad value stops the process naming the variable.
 */
import { ConfigError } from '../config/config-values';

export type StorageConfig =
  | { kind: 'local'; dir: string }
  | {
      kind: 's3';
      /** https://cos.ap-guangzhou.myqcloud.com, https://oss-cn-hangzhou.aliyuncs.com, http://minio:9000 */
      endpoint: string;
      bucket: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
    };

export interface EvidenceConfig {
  storage: StorageConfig;
  /** Largest accepted file, enforced while the upload streams. */
  maxFileBytes: number;
  /** Per-studio storage quota (the sum of its attachments' sizes). */
  quotaBytes: number;
  /** Lifetime of a signed download link. */
  linkTtlSeconds: number;
  /** How often the blob collector runs (one process of all, under a lease); 0: never. */
  sweepEveryHours: number;
  /** A blob no row refers to is collected only once it is this old (an upload may be in flight). */
  sweepGraceHours: number;
}

const MB = 1024 * 1024;

function int(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min)
    throw new ConfigError(name, `must be an integer ≥ ${min}, got "${raw}"`);
  return Number(raw);
}

const need = (env: NodeJS.ProcessEnv, name: string): string => {
  const v = env[name]?.trim();
  if (!v) throw new ConfigError(name, 'is required when EVIDENCE_STORAGE=s3');
  return v;
};

export function parseEvidenceConfig(env: NodeJS.ProcessEnv): EvidenceConfig {
  const kind = (env.EVIDENCE_STORAGE ?? 'local').trim().toLowerCase() || 'local';
  let storage: StorageConfig;
  if (kind === 'local') storage = { kind, dir: env.EVIDENCE_DIR?.trim() || 'data/evidence' };
  else if (kind === 's3') {
    const endpoint = need(env, 'S3_ENDPOINT').replace(/\/+$/, '');
    if (!/^https?:\/\//.test(endpoint))
      throw new ConfigError('S3_ENDPOINT', `must be an http(s) URL, got "${endpoint}"`);
    storage = {
      kind,
      endpoint,
      bucket: need(env, 'S3_BUCKET'),
      region: env.S3_REGION?.trim() || 'us-east-1',
      accessKeyId: need(env, 'S3_ACCESS_KEY_ID'),
      secretAccessKey: need(env, 'S3_SECRET_ACCESS_KEY'),
    };
  } else throw new ConfigError('EVIDENCE_STORAGE', `must be local or s3, got "${kind}"`);
  return {
    storage,
    maxFileBytes: int('EVIDENCE_MAX_MB', env.EVIDENCE_MAX_MB, 20, 1) * MB,
    quotaBytes: int('EVIDENCE_QUOTA_MB', env.EVIDENCE_QUOTA_MB, 1024, 1) * MB,
    linkTtlSeconds: int('EVIDENCE_LINK_TTL_SECONDS', env.EVIDENCE_LINK_TTL_SECONDS, 300, 5),
    sweepEveryHours: int('EVIDENCE_SWEEP_HOURS', env.EVIDENCE_SWEEP_HOURS, 6, 0),
    sweepGraceHours: int('EVIDENCE_SWEEP_GRACE_HOURS', env.EVIDENCE_SWEEP_GRACE_HOURS, 24, 1),
  };
}
