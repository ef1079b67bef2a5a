import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { outbox } from '@/services/http';
import type { QueuedCall } from '@/services/queue';

export function useOutbox(): readonly QueuedCall[] {
  const [items, setItems] = useState<readonly QueuedCall[]>(() => outbox.list());
  useEffect(() => outbox.subscribe(setItems), []);
  return items;
}

/** A strip that says what is still waiting to be sent; tapping it opens the list. */
export function OutboxBar() {
  const items = useOutbox();
  if (items.length === 0) return null;
  const failed = items.filter((i) => i.status === 'failed').length;
  return (
    <View
      className="outbox-bar"
      data-testid="outbox-bar"
      onClick={() => void Taro.navigateTo({ url: '/pages/common/outbox/index' })}
      style={{
        margin: '0 12px 12px',
        padding: '12px 16px',
        borderRadius: '12px',
        background: failed ? '#ffeceb' : '#fff5e6',
        color: failed ? '#e5362c' : '#b86e00',
        fontSize: '14px',
        display: 'flex',
        justifyContent: 'space-between',
      }}
    >
      <Text>
        {failed ? `${failed} 条记录发送失败` : `${items.length} 条记录等待发送`}
        {failed && items.length > failed ? `，${items.length - failed} 条等待发送` : ''}
      </Text>
      <Text>查看 ›</Text>
    </View>
  );
}
