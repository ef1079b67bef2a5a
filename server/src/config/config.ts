import { loadPrivacyConfig, type PrivacyConfig } from '../privacy/privacy-config';
import {
  ConfigError,
  optional,
  parseBoolean,
  parseDuration,
  parseHttpUrl,
  parseInteger,
} from './config-values';

/**
 * Configuration is read and validated once, at boot (style.md §6). A bad value stops the
 * process with a message that names the variable.
 */
import { type RemindersConfig, parseRemindersConfig } from './reminders-config';
import { type EvidenceConfig, parseEvidenceConfig } from '../evidence/evidence-config';

export type DatabaseConfig =
  { type: 'mysql'; url: string } | { type: 'sqljs'; file: string | null }; // null: in memory (tests)

export interface AppConfig {
  port: number;
  database: DatabaseConfig;
  auth: {
    jwtSecret: string;
    /** true when JWT_SECRET was not set and the demo default is in use (logged at boot). */
    jwtSecretIsDemoDefault: boolean;
    jwtTtlSeconds: number;
    demoLogin: boolean;
  };
  wechat: {
    apiBase: string;
    appId: string | null;
    secret: string | null;
    /** The file the mini-program console asks to host for its "scan ordinary link QR code" rule. */
    qrVerifyFile: { name: string; content: string } | null;
  };
  /**
   * The server's public origin (https://host), the base of the check-in QR links. null only in
   * development: each link is then built from the request's own Host.
   */
  publicBaseUrl: string | null;
  checkin: { rotateSeconds: number };
  /**
   * How often each process drains the progress queue into the snapshots and rebuilds stale ones
   * (PROGRESS_SNAPSHOT_EVERY_MS; 0 = only when a dashboard is read). MySQL/MariaDB only.
   */
  progressSnapshotEveryMs: number;
  throttle: { signInPerMinute: number; checkInPerMinute: number };
  /** Shared store for several replicas (issue 16); url null = single process, in-memory limits. */
  redis: { url: string | null; prefix: string };
  /** How many server processes share the database (REPLICAS); above 1 needs REDIS_URL. */
  replicas: number;
  /**
   * Run pending migrations at boot (under a lease). Default: only for one replica (the quick
   * start); replicas refuse a schema older than their code and wait for `pnpm migrate`.
   */
  migrateOnStart: boolean;
  staticDir: string | null;
  seedDemo: boolean;
  log: { level: LogLevel; requests: boolean };
  reminders: RemindersConfig;
  privacy: PrivacyConfig;
  evidence: EvidenceConfig;
}

export { ConfigError, parseBoolean, parseDuration } from './config-values';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Used only when DEMO_LOGIN=true and JWT_SECRET is unset; never in production. */
export const DEMO_JWT_SECRET = 'master-studio-demo-secret-do-not-use-in-production';

export function parseDatabaseUrl(raw: string | undefined): DatabaseConfig {
  if (raw === undefined || raw === '') return { type: 'sqljs', file: 'data/master-studio.sqlite' };
  if (raw === 'sqlite::memory:') return { type: 'sqljs', file: null };
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length);
    if (!file)
      throw new ConfigError(
        'DATABASE_URL',
        'sqlite: needs a file path, e.g. sqlite:data/app.sqlite',
      );
    return { type: 'sqljs', file };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', `not a URL: ${raw}`);
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new ConfigError(
      'DATABASE_URL',
      `unsupported scheme ${url.protocol} (use mysql:// or sqlite:)`,
    );
  }
  if (url.pathname.length <= 1) {
    throw new ConfigError('DATABASE_URL', 'names no database (mysql://user@host:3306/DBNAME)');
  }
  url.protocol = 'mysql:';
  return { type: 'mysql', url: url.toString() };
}

/**
 * PUBLIC_BASE_URL: an origin only (scheme, host, port). The H5 app is served at `/`, so a path
 * behind a reverse proxy would send the check-in redirect to the wrong place.
 */
export function parsePublicBaseUrl(raw: string | undefined, requireHttps: boolean): string | null {
  const value = optional(raw);
  if (value === null) {
    if (requireHttps)
      throw new ConfigError(
        'PUBLIC_BASE_URL',
        "is required when WECHAT_APPID is set: the check-in QR links must match the mini program's QR rule (e.g. https://studio.example.com)",
      );
    return null;
  }
  const url = parseHttpUrl('PUBLIC_BASE_URL', value, value);
  const u = new URL(url);
  if (u.pathname !== '/' || u.search || u.hash || u.username || u.password)
    throw new ConfigError(
      'PUBLIC_BASE_URL',
      `must be an origin like https://studio.example.com (no path, query or credentials), got "${value}"`,
    );
  if (requireHttps && u.protocol !== 'https:')
    throw new ConfigError(
      'PUBLIC_BASE_URL',
      `must be https when WECHAT_APPID is set (WeChat opens only https links in the mini program), got "${value}"`,
    );
  return u.origin;
}

/** WECHAT_QR_VERIFY_FILE + WECHAT_QR_VERIFY_CONTENT: both or neither; a plain `.txt` name. */
function parseQrVerifyFile(
  nameRaw: string | undefined,
  contentRaw: string | undefined,
): { name: string; content: string } | null {
  const name = optional(nameRaw);
  const content = optional(contentRaw);
  if (name === null && content === null) return null;
  if (name === null || content === null)
    throw new ConfigError(
      name === null ? 'WECHAT_QR_VERIFY_FILE' : 'WECHAT_QR_VERIFY_CONTENT',
      'WECHAT_QR_VERIFY_FILE and WECHAT_QR_VERIFY_CONTENT must be set together',
    );
  if (!/^[A-Za-z0-9_-]{1,64}\.txt$/.test(name))
    throw new ConfigError(
      'WECHAT_QR_VERIFY_FILE',
      `must be the file name the console gives, like AbC123xYz.txt, got "${name}"`,
    );
  if (content.length > 256 || /[\r\n]/.test(content))
    throw new ConfigError(
      'WECHAT_QR_VERIFY_CONTENT',
      'must be the one line of the downloaded file (at most 256 characters)',
    );
  return { name, content };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const demoLogin = parseBoolean('DEMO_LOGIN', env.DEMO_LOGIN, false);
  const secret = optional(env.JWT_SECRET);
  if (secret === null && !demoLogin) {
    throw new ConfigError(
      'JWT_SECRET',
      'is required (set DEMO_LOGIN=true to run with a demo default locally)',
    );
  }
  if (secret !== null && secret.length < 16) {
    throw new ConfigError('JWT_SECRET', 'must be at least 16 characters');
  }
  const appId = optional(env.WECHAT_APPID);
  const wechatSecret = optional(env.WECHAT_SECRET);
  if ((appId === null) !== (wechatSecret === null)) {
    throw new ConfigError(
      appId === null ? 'WECHAT_APPID' : 'WECHAT_SECRET',
      'WECHAT_APPID and WECHAT_SECRET must be set together',
    );
  }
  const replicas = parseInteger('REPLICAS', env.REPLICAS, 1, 1, 1000);
  const redisUrl = optional(env.REDIS_URL);
  if (redisUrl !== null && !/^rediss?:\/\//.test(redisUrl))
    throw new ConfigError('REDIS_URL', `must start with redis:// or rediss://, got "${redisUrl}"`);
  if (replicas > 1 && redisUrl === null)
    throw new ConfigError(
      'REDIS_URL',
      `is required with REPLICAS=${replicas}: rate limits and check-in state must be shared by every replica`,
    );
  if (replicas > 1 && !/^(mysql|mariadb):/.test(env.DATABASE_URL ?? ''))
    throw new ConfigError(
      'DATABASE_URL',
      `must be a MySQL/MariaDB URL with REPLICAS=${replicas}: the embedded database belongs to one process`,
    );
  const level = (env.LOG_LEVEL ?? 'info').trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError(
      'LOG_LEVEL',
      `must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`,
    );
  }
  return {
    port: parseInteger('PORT', env.PORT, 3000, 0, 65535),
    database: parseDatabaseUrl(env.DATABASE_URL),
    auth: {
      jwtSecret: secret ?? DEMO_JWT_SECRET,
      jwtSecretIsDemoDefault: secret === null,
      jwtTtlSeconds: parseDuration('JWT_TTL', env.JWT_TTL, 2 * 3600),
      demoLogin,
    },
    wechat: {
      apiBase: parseHttpUrl('WECHAT_API_BASE', env.WECHAT_API_BASE, 'https://api.weixin.qq.com'),
      appId,
      secret: wechatSecret,
      qrVerifyFile: parseQrVerifyFile(env.WECHAT_QR_VERIFY_FILE, env.WECHAT_QR_VERIFY_CONTENT),
    },
    publicBaseUrl: parsePublicBaseUrl(env.PUBLIC_BASE_URL, appId !== null),
    checkin: {
      rotateSeconds: parseInteger(
        'CHECKIN_ROTATE_SECONDS',
        env.CHECKIN_ROTATE_SECONDS,
        30,
        5,
        3600,
      ),
    },
    progressSnapshotEveryMs: parseInteger(
      'PROGRESS_SNAPSHOT_EVERY_MS',
      env.PROGRESS_SNAPSHOT_EVERY_MS,
      2000,
      0,
      3_600_000,
    ),
    throttle: {
      signInPerMinute: parseInteger(
        'THROTTLE_SIGNIN_PER_MINUTE',
        env.THROTTLE_SIGNIN_PER_MINUTE,
        20,
        1,
        1_000_000,
      ),
      checkInPerMinute: parseInteger(
        'THROTTLE_CHECKIN_PER_MINUTE',
        env.THROTTLE_CHECKIN_PER_MINUTE,
        30,
        1,
        1_000_000,
      ),
    },
    redis: { url: redisUrl, prefix: optional(env.REDIS_PREFIX) ?? 'ms:' },
    replicas,
    migrateOnStart: parseBoolean('MIGRATE_ON_START', env.MIGRATE_ON_START, replicas === 1),
    staticDir: optional(env.STATIC_DIR),
    seedDemo: parseBoolean('SEED_DEMO', env.SEED_DEMO, false),
    log: {
      level: level as LogLevel,
      requests: parseBoolean('LOG_REQUESTS', env.LOG_REQUESTS, true),
    },
    reminders: parseRemindersConfig(env),
    privacy: loadPrivacyConfig(env),
    evidence: parseEvidenceConfig(env),
  };
}
