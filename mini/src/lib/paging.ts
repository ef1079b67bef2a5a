/**
 * Paged lists (issue 11 item 2): every list asks for one page at a time and loads the next one
 * when the person scrolls to the bottom, so nothing past page 1 is silently dropped. Pure: the
 * hook (components/usePagedList.ts) keeps the state, this says how pages join and what the
 * list's footer says.
 */

export const PAGE_SIZE = 20;

export interface Loaded<T> {
  items: T[];
  /** The server's count of everything that matches, not of what is loaded. */
  total: number;
  /** The last page loaded. */
  page: number;
}

/** Page `page` added to what is loaded; a row already there (the list moved meanwhile) once. */
export function mergePage<T>(
  prev: Loaded<T> | undefined,
  next: { items: T[]; total: number },
  page: number,
  key: (row: T) => unknown = (row) => (row as { id?: unknown }).id,
): Loaded<T> {
  if (!prev || page === 1) return { items: next.items, total: next.total, page };
  const seen = new Set(prev.items.map(key));
  const fresh = next.items.filter((r) => !seen.has(key(r)));
  return { items: [...prev.items, ...fresh], total: next.total, page };
}

/** Everything the server has is loaded (or the last page came back short). */
export function allLoaded<T>(
  l: Loaded<T> | undefined,
  lastPageSize?: number,
  pageSize = PAGE_SIZE,
) {
  if (!l) return false;
  return l.items.length >= l.total || (lastPageSize !== undefined && lastPageSize < pageSize);
}

export type FooterState = 'more' | 'loading' | 'done' | 'error';

/** The footer under a list: what is loaded of how many, and what a tap does. */
export function footerText(state: FooterState, loaded: number, total: number): string {
  switch (state) {
    case 'loading':
      return '加载中…';
    case 'error':
      return '加载失败，点此重试';
    case 'more':
      return `已加载 ${loaded} / ${total} 条，上滑或点此加载更多`;
    case 'done':
      return `已全部加载（共 ${total} 条）`;
  }
}

/** Query parameters without the empty ones (an unset filter is not sent). */
export function cleanQuery(
  q: Record<string, string | number | undefined | null>,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    out[k] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}
