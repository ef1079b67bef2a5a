import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { preloadTemplateIds, remindersApi } from '@/services/reminders-api';
import { useAsync } from './useAsync';
import './InboxBar.css';

/** The home screen's way into the inbox, with the unread count as a badge. */
export function InboxBar() {
  const unread = useAsync(remindersApi.unread, [], { refreshOnShow: true });
  const n = unread.data?.unread ?? 0;
  useEffect(() => void preloadTemplateIds(), []);
  return (
    <View
      className="inbox-bar"
      data-testid="inbox-bar"
      onClick={() => void Taro.navigateTo({ url: '/pages/inbox/index/index' })}
    >
      <Text className="fs-15 fw-600">提醒</Text>
      <View className="row">
        {n > 0 && (
          <Text className="inbox-badge" data-testid="inbox-badge">
            {n > 99 ? '99+' : n}
          </Text>
        )}
        <Text className="muted ml-8">{n > 0 ? '有待办事项' : '暂无新提醒'} ›</Text>
      </View>
    </View>
  );
}
