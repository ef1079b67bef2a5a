import { ApiBaseError, DEV_API_BASE, miniApiBase } from './api-base';

describe('miniApiBase', () => {
  describe('production build', () => {
    it('keeps an https base, without a trailing slash', () => {
      expect(miniApiBase(' https://ms.example.cn/api/ ', 'production')).toBe(
        'https://ms.example.cn/api',
      );
    });
    it.each([
      ['empty', ''],
      ['unset', undefined],
      ['http', 'http://ms.example.cn/api'],
      ['loopback http', 'http://127.0.0.1:3000/api'],
      ['loopback https', 'https://localhost/api'],
      ['relative', '/api'],
    ])('refuses %s', (_name, value) => {
      expect(() => miniApiBase(value, 'production')).toThrow(ApiBaseError);
    });
    it('names the variable and where to set it', () => {
      expect(() => miniApiBase('', 'production')).toThrow(
        /TARO_APP_API_BASE.*https.*\.env\.production\.local/,
      );
    });
    it('treats an unknown NODE_ENV as production', () => {
      expect(() => miniApiBase('', undefined)).toThrow(ApiBaseError);
    });
  });

  describe('development build', () => {
    it('defaults to the local server', () => {
      expect(miniApiBase('', 'development')).toBe(DEV_API_BASE);
    });
    it('allows http only for a loopback host', () => {
      expect(miniApiBase('http://localhost:3000/api', 'development')).toBe(
        'http://localhost:3000/api',
      );
      expect(miniApiBase('https://ms.example.cn/api', 'development')).toBe(
        'https://ms.example.cn/api',
      );
      expect(() => miniApiBase('http://192.168.1.9:3000/api', 'development')).toThrow(ApiBaseError);
    });
  });
});
