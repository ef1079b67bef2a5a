import { contentDisposition, safeFileName } from './content-disposition';

describe('contentDisposition', () => {
  it('carries the Chinese name as RFC 5987 filename* and an ASCII fallback', () => {
    const h = contentDisposition('张建国工作室考核表（2026-06-30）.xlsx');
    expect(h).toBe(
      `attachment; filename="__________2026-06-30_.xlsx"; filename*=UTF-8''${encodeURIComponent('张建国工作室考核表（2026-06-30）.xlsx')}`,
    );
    expect(decodeURIComponent(h.split("UTF-8''")[1]!)).toBe(
      '张建国工作室考核表（2026-06-30）.xlsx',
    );
  });

  it('escapes quotes and the characters RFC 5987 reserves', () => {
    expect(contentDisposition(`a"b'(c)*.xlsx`)).toBe(
      `attachment; filename="a_b'(c)*.xlsx"; filename*=UTF-8''a%22b%27%28c%29%2A.xlsx`,
    );
  });
});

describe('safeFileName', () => {
  it('drops path separators and reserved characters', () => {
    expect(safeFileName('../a/b:c*?.xlsx')).toBe('.._a_b_c__.xlsx');
  });
});
