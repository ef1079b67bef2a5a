import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { outbox } from '@/services/http';
import type { QueuedCall } from '@/services/queue';
import './OutboxBar.css';

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
      className={failed ? 'outbox-bar outbox-bar--failed' : 'outbox-bar'}
      data-testid="outbox-bar"
      onClick={() => void Taro.navigateTo({ url: '/pages/common/outbox/index' })}
    >
      <Text>
        {failed ? `${failed} 条记录发送失败` : `${items.length} 条记录等待发送`}
        {failed && items.length > failed ? `，${items.length - failed} 条等待发送` : ''}
      </Text>
      <Text>查看 ›</Text>
    </View>
  );
}
