/**
 * Configuration is read and validated once, at boot (style.md §6). A bad value stops the
 * process with a message that names the variable.
 */
export type DatabaseConfig =
  | { type: 'mysql'; url: string }
  | { type: 'sqljs'; file: string | null }; // null: in memory (tests)

export interface AppConfig {
  port: number;
  database: DatabaseConfig;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration ${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export function parseDatabaseUrl(raw: string | undefined): DatabaseConfig {
  if (raw === undefined || raw === '') return { type: 'sqljs', file: 'data/master-studio.sqlite' };
  if (raw === 'sqlite::memory:') return { type: 'sqljs', file: null };
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length);
    if (!file) throw new ConfigError('DATABASE_URL', 'sqlite: needs a file path, e.g. sqlite:data/app.sqlite');
    return { type: 'sqljs', file };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', `not a URL: ${raw}`);
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new ConfigError('DATABASE_URL', `unsupported scheme ${url.protocol} (use mysql:// or sqlite:)`);
  }
  if (url.pathname.length <= 1) {
    throw new ConfigError('DATABASE_URL', 'names no database (mysql://user@host:3306/DBNAME)');
  }
  url.protocol = 'mysql:';
  return { type: 'mysql', url: url.toString() };
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PORT', `must be an integer 0-65535, got "${raw}"`);
  }
  return port;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: parsePort(env.PORT),
    database: parseDatabaseUrl(env.DATABASE_URL),
  };
}
