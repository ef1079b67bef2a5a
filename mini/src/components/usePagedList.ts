import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow, useReachBottom } from '@tarojs/taro';
import { allLoaded, type FooterState, type Loaded, mergePage, PAGE_SIZE } from '@/lib/paging';
import type { AsyncState } from './useAsync';

export interface PagedList<T> extends AsyncState<Loaded<T>> {
  items: T[];
  total: number;
  footer: FooterState;
  loadMore: () => void;
  /**
   * What is on screen was loaded for other `deps` (a keyword or filter changed and its first page
   * is on its way, or failed): `total` is not the count of the current query.
   */
  stale: boolean;
}

/**
 * A list loaded a page at a time (issue 11 item 2): page 1 when the screen opens or `deps`
 * change (a new keyword or filter), the next page when the page is scrolled to the bottom
 * (Taro's onReachBottom) or the footer is tapped. Reloads from page 1 when the screen shows
 * again (coming back from an edit). `data` is what is loaded, so StateView can wrap it.
 */
export function usePagedList<T>(
  fetchPage: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>,
  deps: unknown[],
  pageSize = PAGE_SIZE,
  /** False for a list in a hidden tab: scrolling to the bottom is not for it. */
  active = true,
): PagedList<T> {
  const [data, setData] = useState<Loaded<T> | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [footer, setFooter] = useState<FooterState>('more');
  const seq = useRef(0);
  const busy = useRef(false);
  const current = useRef<Loaded<T> | undefined>(undefined);
  const shownOnce = useRef(false);
  // Which query (`deps`) the loaded data answers.
  const key = JSON.stringify(deps);
  const [dataKey, setDataKey] = useState<string | undefined>(undefined);

  const load = useCallback(
    (page: number) => {
      const mine = page === 1 ? ++seq.current : seq.current;
      busy.current = true;
      if (page === 1) {
        setLoading(true);
        setError(undefined);
      } else setFooter('loading');
      fetchPage(page, pageSize).then(
        (p) => {
          if (mine !== seq.current) return;
          const next = mergePage(page === 1 ? undefined : current.current, p, page);
          current.current = next;
          busy.current = false;
          setData(next);
          setDataKey(key);
          setLoading(false);
          setFooter(allLoaded(next, p.items.length, pageSize) ? 'done' : 'more');
        },
        (e: unknown) => {
          if (mine !== seq.current) return;
          busy.current = false;
          if (page === 1) {
            setError(e);
            setLoading(false);
          } else setFooter('error');
        },
      );
    },
    [...deps, pageSize],
  );

  const reload = useCallback(() => load(1), [load]);
  const loadMore = useCallback(() => {
    const l = current.current;
    if (!l || busy.current || footer === 'done') return;
    load(l.page + 1);
  }, [load, footer]);

  useEffect(() => {
    reload();
  }, [reload]);
  useDidShow(() => {
    if (shownOnce.current) reload();
    shownOnce.current = true;
  });
  useReachBottom(() => {
    if (active) loadMore();
  });

  return {
    data,
    error,
    loading,
    reload,
    items: data?.items ?? [],
    total: data?.total ?? 0,
    footer,
    loadMore,
    stale: data !== undefined && dataKey !== key,
  };
}
