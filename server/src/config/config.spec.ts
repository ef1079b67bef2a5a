import {
  ConfigError,
  DEMO_JWT_SECRET,
  loadConfig,
  parseBoolean,
  parseDatabaseUrl,
  parseDuration,
  parsePublicBaseUrl,
} from './config';

const base = { JWT_SECRET: 'a-test-secret-of-32-characters!!' };

describe('loadConfig', () => {
  it('defaults to the embedded database file, port 3000, 30 s check-in codes, WeChat API', () => {
    const c = loadConfig(base);
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ type: 'sqljs', file: 'data/master-studio.sqlite' });
    expect(c.checkin.rotateSeconds).toBe(30);
    expect(c.wechat).toEqual({
      apiBase: 'https://api.weixin.qq.com',
      appId: null,
      secret: null,
      qrVerifyFile: null,
    });
    expect(c.publicBaseUrl).toBeNull();
    expect(c.auth).toEqual({
      jwtSecret: base.JWT_SECRET,
      jwtSecretIsDemoDefault: false,
      jwtTtlSeconds: 7200,
      demoLogin: false,
    });
    expect(c.staticDir).toBeNull();
    expect(c.seedDemo).toBe(false);
  });

  it('names PORT when it is not a port number', () => {
    expect(() => loadConfig({ ...base, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ ...base, PORT: '70000' })).toThrow(ConfigError);
  });

  it('requires JWT_SECRET unless DEMO_LOGIN=true, where the demo default is flagged', () => {
    expect(() => loadConfig({})).toThrow(/JWT_SECRET/);
    const demo = loadConfig({ DEMO_LOGIN: 'true' });
    expect(demo.auth.jwtSecret).toBe(DEMO_JWT_SECRET);
    expect(demo.auth.jwtSecretIsDemoDefault).toBe(true);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET.*16/);
  });

  it('names each malformed variable', () => {
    expect(() => loadConfig({ ...base, DEMO_LOGIN: 'yes' })).toThrow(/DEMO_LOGIN/);
    expect(() => loadConfig({ ...base, SEED_DEMO: '1' })).toThrow(/SEED_DEMO/);
    expect(() => loadConfig({ ...base, CHECKIN_ROTATE_SECONDS: '0' })).toThrow(
      /CHECKIN_ROTATE_SECONDS/,
    );
    expect(() => loadConfig({ ...base, CHECKIN_ROTATE_SECONDS: '3.5' })).toThrow(
      /CHECKIN_ROTATE_SECONDS/,
    );
    expect(() => loadConfig({ ...base, WECHAT_API_BASE: 'ftp://x' })).toThrow(/WECHAT_API_BASE/);
    expect(() => loadConfig({ ...base, WECHAT_APPID: 'wx1' })).toThrow(/WECHAT_SECRET/);
    expect(() => loadConfig({ ...base, JWT_TTL: 'soon' })).toThrow(/JWT_TTL/);
    expect(() => loadConfig({ ...base, LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('reads the optional values', () => {
    const c = loadConfig({
      ...base,
      JWT_TTL: '15m',
      CHECKIN_ROTATE_SECONDS: '10',
      WECHAT_API_BASE: 'http://127.0.0.1:9999/',
      WECHAT_APPID: 'wx1',
      WECHAT_SECRET: 's',
      PUBLIC_BASE_URL: 'https://studio.example.com/',
      WECHAT_QR_VERIFY_FILE: 'AbC123xYz.txt',
      WECHAT_QR_VERIFY_CONTENT: '0123456789abcdef0123456789abcdef',
      STATIC_DIR: 'mini/dist/h5',
      SEED_DEMO: 'TRUE',
    });
    expect(c.auth.jwtTtlSeconds).toBe(900);
    expect(c.checkin.rotateSeconds).toBe(10);
    expect(c.wechat).toEqual({
      apiBase: 'http://127.0.0.1:9999',
      appId: 'wx1',
      secret: 's',
      qrVerifyFile: { name: 'AbC123xYz.txt', content: '0123456789abcdef0123456789abcdef' },
    });
    expect(c.publicBaseUrl).toBe('https://studio.example.com');
    expect(c.staticDir).toBe('mini/dist/h5');
    expect(c.seedDemo).toBe(true);
  });
});

describe('parsePublicBaseUrl', () => {
  it('keeps the origin of an http(s) URL; unset means derived per request (development)', () => {
    expect(parsePublicBaseUrl('https://studio.example.com', true)).toBe(
      'https://studio.example.com',
    );
    expect(parsePublicBaseUrl('http://192.168.1.5:3000/', false)).toBe('http://192.168.1.5:3000');
    expect(parsePublicBaseUrl(undefined, false)).toBeNull();
    expect(parsePublicBaseUrl(' ', false)).toBeNull();
  });

  it('is required, and https, once the mini program is configured (WECHAT_APPID)', () => {
    expect(() => parsePublicBaseUrl(undefined, true)).toThrow(
      /PUBLIC_BASE_URL.*required.*WECHAT_APPID/,
    );
    expect(() => parsePublicBaseUrl('http://studio.example.com', true)).toThrow(
      /PUBLIC_BASE_URL.*https/,
    );
    expect(() => loadConfig({ ...base, WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' })).toThrow(
      /PUBLIC_BASE_URL/,
    );
  });

  it('refuses paths, queries, credentials and other schemes, naming PUBLIC_BASE_URL', () => {
    for (const bad of [
      'https://studio.example.com/app',
      'https://studio.example.com/?x=1',
      'https://u:p@studio.example.com',
      'ftp://studio.example.com',
      'studio.example.com',
    ]) {
      expect(() => parsePublicBaseUrl(bad, false)).toThrow(/PUBLIC_BASE_URL/);
    }
  });
});

describe('WECHAT_QR_VERIFY_FILE', () => {
  it('needs its content, a plain .txt name and one line', () => {
    expect(() => loadConfig({ ...base, WECHAT_QR_VERIFY_FILE: 'a.txt' })).toThrow(
      /WECHAT_QR_VERIFY_CONTENT/,
    );
    expect(() => loadConfig({ ...base, WECHAT_QR_VERIFY_CONTENT: 'x' })).toThrow(
      /WECHAT_QR_VERIFY_FILE/,
    );
    expect(() =>
      loadConfig({ ...base, WECHAT_QR_VERIFY_FILE: '../a.txt', WECHAT_QR_VERIFY_CONTENT: 'x' }),
    ).toThrow(/WECHAT_QR_VERIFY_FILE/);
    expect(() =>
      loadConfig({ ...base, WECHAT_QR_VERIFY_FILE: 'a.html', WECHAT_QR_VERIFY_CONTENT: 'x' }),
    ).toThrow(/WECHAT_QR_VERIFY_FILE/);
    expect(() =>
      loadConfig({ ...base, WECHAT_QR_VERIFY_FILE: 'a.txt', WECHAT_QR_VERIFY_CONTENT: 'x\ny' }),
    ).toThrow(/WECHAT_QR_VERIFY_CONTENT/);
  });
});

describe('parseBoolean', () => {
  it('accepts only true/false', () => {
    expect(parseBoolean('X', 'False', true)).toBe(false);
    expect(parseBoolean('X', undefined, true)).toBe(true);
    expect(() => parseBoolean('X', 'on', false)).toThrow(/X/);
  });
});

describe('parseDuration', () => {
  it('reads seconds and units', () => {
    expect(parseDuration('T', '90', 1)).toBe(90);
    expect(parseDuration('T', '2h', 1)).toBe(7200);
    expect(parseDuration('T', '1d', 1)).toBe(86400);
    expect(() => parseDuration('T', '0', 1)).toThrow(/T/);
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
    expect(parseDatabaseUrl('sqlite:tmp/a.sqlite')).toEqual({
      type: 'sqljs',
      file: 'tmp/a.sqlite',
    });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ type: 'sqljs', file: null });
  });

  it('rejects other schemes and URLs without a database, naming DATABASE_URL', () => {
    expect(() => parseDatabaseUrl('postgres://x@h/db')).toThrow(/DATABASE_URL.*postgres/);
    expect(() => parseDatabaseUrl('mysql://root@127.0.0.1:3306')).toThrow(
      /DATABASE_URL.*names no database/,
    );
    expect(() => parseDatabaseUrl('not a url')).toThrow(/DATABASE_URL/);
  });
});
