import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data for a screen and reloads it when the screen shows again (coming
 * back from an edit page), so lists are never stale.
 */
export function useAsync<T>(
  fn: () => Promise<T>,
  deps: unknown[],
  options: { refreshOnShow?: boolean; skip?: boolean } = {},
): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(!options.skip);
  const seq = useRef(0);
  const shownOnce = useRef(false);

  const run = useCallback(() => {
    if (options.skip) return;
    const mine = ++seq.current;
    setLoading(true);
    setError(undefined);
    fn().then(
      (d) => {
        if (mine !== seq.current) return;
        setData(d);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setError(e);
        setLoading(false);
      },
    );
  }, [...deps, options.skip]);

  useEffect(() => {
    run();
  }, [run]);

  useDidShow(() => {
    if (shownOnce.current && options.refreshOnShow !== false) run();
    shownOnce.current = true;
  });

  return { data, error, loading, reload: run };
}
