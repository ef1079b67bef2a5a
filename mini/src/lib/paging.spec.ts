import { allLoaded, cleanQuery, footerText, mergePage } from './paging';

describe('paged lists (issue 11 item 2)', () => {
  const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: from + i }));

  it('joins pages and keeps the server total, not the loaded length', () => {
    let l = mergePage(undefined, { items: rows(1, 20), total: 25 }, 1);
    expect(l).toMatchObject({ total: 25, page: 1 });
    expect(allLoaded(l)).toBe(false);
    l = mergePage(l, { items: rows(21, 5), total: 25 }, 2);
    expect(l.items.map((r) => r.id)).toEqual(rows(1, 25).map((r) => r.id));
    expect(allLoaded(l)).toBe(true);
  });

  it('drops a row that moved onto the next page meanwhile, and restarts on page 1', () => {
    const one = mergePage(undefined, { items: rows(1, 3), total: 6 }, 1);
    const two = mergePage(one, { items: rows(3, 3), total: 6 }, 2);
    expect(two.items.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(mergePage(two, { items: rows(9, 1), total: 1 }, 1).items).toEqual([{ id: 9 }]);
  });

  it('stops when the last page came back short even if the total said more', () => {
    const l = mergePage(undefined, { items: rows(1, 3), total: 30 }, 1);
    expect(allLoaded(l, 3, 20)).toBe(true);
  });

  it('says what is loaded of how many', () => {
    expect(footerText('more', 20, 25)).toBe('已加载 20 / 25 条，上滑或点此加载更多');
    expect(footerText('done', 25, 25)).toBe('已全部加载（共 25 条）');
    expect(footerText('loading', 20, 25)).toBe('加载中…');
    expect(footerText('error', 20, 25)).toContain('重试');
  });

  it('sends only the filters that are set', () => {
    expect(cleanQuery({ q: ' 焊 ', status: '', policyId: undefined, page: 2 })).toEqual({
      q: '焊',
      page: 2,
    });
  });
});
