import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { flushOutbox, outbox } from '@/services/http';
import { formatTime } from '@/lib/format';
import { useOutbox } from '@/components/OutboxBar';
import { Button, Empty } from '@/components/ui';
import './index.css';

/** What was saved on the device and is still waiting for the network. */
export default function Outbox() {
  const items = useOutbox();
  const [sending, setSending] = useState(false);
  const sendNow = async () => {
    setSending(true);
    const r = await flushOutbox();
    setSending(false);
    void Taro.showToast({
      title: r.remaining
        ? `已发送 ${r.sent} 条，仍有 ${r.remaining} 条等待网络`
        : `已全部发送（${r.sent} 条）`,
      icon: 'none',
    });
  };
  return (
    <View className="page">
      <View className="p-16-16-8">
        <Text className="muted">
          没有网络时保存的签到和记录会先存在手机上，联网后自动发送，不会重复提交。
        </Text>
      </View>
      {items.length === 0 ? (
        <Empty status="empty" title="没有待发送的内容" description="所有记录都已同步到服务器" />
      ) : (
        <View className="list-card">
          {items.map((c) => (
            <View key={c.id} className="list-item">
              <View className="grow">
                <Text className="list-item__title">{c.label}</Text>
                <Text className="list-item__meta block">
                  {formatTime(c.createdAt)} 保存 · 已尝试 {c.attempts} 次
                </Text>
                {c.lastError && (
                  <Text className="list-item__meta block text-danger">{c.lastError}</Text>
                )}
              </View>
              {c.status === 'failed' ? (
                <View className="row">
                  <Button size="small" type="primary" onClick={() => outbox.retry(c.id)}>
                    重试
                  </Button>
                  <Button
                    size="small"
                    className="outbox-give-up"
                    onClick={() => outbox.remove(c.id)}
                  >
                    放弃
                  </Button>
                </View>
              ) : (
                <Text className="pill pill--pending">等待发送</Text>
              )}
            </View>
          ))}
        </View>
      )}
      {items.length > 0 && (
        <View className="bottom-bar">
          <Button type="primary" size="large" loading={sending} onClick={() => void sendNow()}>
            立即发送
          </Button>
        </View>
      )}
    </View>
  );
}
