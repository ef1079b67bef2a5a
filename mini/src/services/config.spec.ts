import { buildUrl, resolveApiBase } from './config';

describe('resolveApiBase', () => {
  it('uses TARO_APP_API_BASE without a trailing slash', () => {
    expect(resolveApiBase('https://ms.example.cn/api/')).toBe('https://ms.example.cn/api');
  });
  it('defaults to same-origin /api (H5; a mini-program build always has a base)', () => {
    expect(resolveApiBase(undefined)).toBe('/api');
    expect(resolveApiBase('  ')).toBe('/api');
  });
});

describe('buildUrl', () => {
  it('joins path and encodes query values, dropping empty ones', () => {
    expect(buildUrl('/api', 'studios', { q: '焊工', page: 2, status: undefined, unitId: '' })).toBe(
      '/api/studios?q=%E7%84%8A%E5%B7%A5&page=2',
    );
    expect(buildUrl('/api', '/me')).toBe('/api/me');
  });
});
