import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { describeError } from '@/services/errors';
import { isRoleRemoved } from '@/services/access-lost';
import { AccessLost } from './AccessLost';
import { Button, Empty, Skeleton } from './ui';
import type { AsyncState } from './useAsync';
import './StateView.css';

interface Props<T> {
  state: AsyncState<T>;
  /** Whether the loaded data counts as "nothing here yet". */
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  emptyAction?: ReactNode;
  rows?: number;
  children: (data: T) => ReactNode;
}

/** The loading, empty and error states every screen needs, in one place. */
export function StateView<T>({
  state,
  isEmpty,
  emptyText = '暂无内容',
  emptyAction,
  rows = 4,
  children,
}: Props<T>) {
  if (state.loading && state.data === undefined) {
    return (
      <View className="state state--loading" data-testid="loading">
        <Skeleton rows={rows} animated />
      </View>
    );
  }
  // A removed role refuses the screen even over data loaded before the removal.
  if (isRoleRemoved(state.error)) return <AccessLost error={state.error} />;
  if (state.error !== undefined && state.data === undefined) {
    return (
      <View className="state state--error" data-testid="error">
        <Empty status="error" title="加载失败" description={describeError(state.error)} />
        <Button type="primary" size="large" className="state__retry" onClick={state.reload}>
          重新加载
        </Button>
      </View>
    );
  }
  if (state.data === undefined) return null;
  if (isEmpty?.(state.data)) {
    return (
      <View className="state state--empty" data-testid="empty">
        <Empty status="empty" title={emptyText} />
        {emptyAction}
      </View>
    );
  }
  return <>{children(state.data)}</>;
}

export function SectionTitle({
  title,
  extra,
  onExtra,
}: {
  title: string;
  extra?: string;
  onExtra?: () => void;
}) {
  return (
    <View className="section-title">
      <Text className="section-title__text">{title}</Text>
      {extra && (
        <Text className="section-title__extra" onClick={onExtra}>
          {extra} ›
        </Text>
      )}
    </View>
  );
}
