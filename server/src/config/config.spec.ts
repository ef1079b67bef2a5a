import { ConfigError, loadConfig, parseDatabaseUrl } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded database file and port 3000', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      database: { type: 'sqljs', file: 'data/master-studio.sqlite' },
    });
  });

  it('names PORT when it is not a port number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
  });
});

describe('parseDatabaseUrl', () => {
  it('accepts mysql and mariadb URLs and normalises the scheme', () => {
    expect(parseDatabaseUrl('mariadb://root@127.0.0.1:3306/ms')).toEqual({
      type: 'mysql',
      url: 'mysql://root@127.0.0.1:3306/ms',
    });
  });

  it('reads sqlite: paths and the in-memory form', () => {
    expect(parseDatabaseUrl('sqlite:tmp/a.sqlite')).toEqual({ type: 'sqljs', file: 'tmp/a.sqlite' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ type: 'sqljs', file: null });
  });

  it('rejects other schemes and URLs without a database, naming DATABASE_URL', () => {
    expect(() => parseDatabaseUrl('postgres://x@h/db')).toThrow(/DATABASE_URL.*postgres/);
    expect(() => parseDatabaseUrl('mysql://root@127.0.0.1:3306')).toThrow(/DATABASE_URL.*names no database/);
    expect(() => parseDatabaseUrl('not a url')).toThrow(/DATABASE_URL/);
  });
});
