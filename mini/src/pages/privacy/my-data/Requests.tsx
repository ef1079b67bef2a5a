import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@/components/ui';
import { StateView } from '@/components/StateView';
import { useAsync } from '@/components/useAsync';
import { describeError } from '@/services/errors';
import { privacyApi, type PrivacyRequest } from '@/services/privacy-api';

const STATUS = { open: '处理中', done: '已处理' } as const;
const KIND = { correction: '更正', deletion: '删除' } as const;

/** One of the caller's own correction or deletion requests, with its status. */
export function RequestItem({ r }: { r: PrivacyRequest }) {
  return (
    <View className="list-item" data-testid="privacy-request">
      <View className="grow">
        <Text className="list-item__title">
          {KIND[r.kind]} · {r.message ?? '删除我的个人信息'}
        </Text>
        <Text className="list-item__meta block">
          {r.createdAt.slice(0, 10)}
          {r.resolution ? ` · 处理结果：${r.resolution}` : ''}
        </Text>
      </View>
      <Text className={`pill ${r.status === 'done' ? 'pill--met' : 'pill--pending'}`}>
        {STATUS[r.status]}
      </Text>
    </View>
  );
}

/** The leader's queue of the studio's correction requests. */
export function LeaderQueue({ studioId }: { studioId: number }) {
  const list = useAsync(() => privacyApi.studioRequests(studioId), [studioId]);
  const [answer, setAnswer] = useState<Record<number, string>>({});
  const settle = async (id: number) => {
    const text = (answer[id] ?? '').trim();
    if (!text) return void Taro.showToast({ title: '请填写处理结果', icon: 'none' });
    try {
      await privacyApi.resolve(studioId, id, text);
      list.reload();
    } catch (e) {
      void Taro.showToast({ title: describeError(e), icon: 'none' });
    }
  };
  return (
    <View className="card" data-testid="privacy-leader-queue">
      <Text className="policy__title">本工作室人员的更正请求</Text>
      <StateView state={list} isEmpty={(d) => d.items.length === 0} emptyText="暂无更正请求">
        {(d) => (
          <View>
            {d.items.map((r) => (
              <View key={r.id} className="mb-8">
                <Text className="list-item__title block">
                  {r.requesterName}：{r.message}
                </Text>
                {r.status === 'open' ? (
                  <View className="mt-10">
                    <Textarea
                      className="privacy__textarea"
                      maxlength={500}
                      placeholder="核实并在档案中更正后，填写处理结果"
                      value={answer[r.id] ?? ''}
                      onInput={(e) => setAnswer({ ...answer, [r.id]: e.detail.value })}
                    />
                    <View className="mt-10">
                      <Button
                        className="privacy__btn"
                        size="large"
                        block
                        onClick={() => void settle(r.id)}
                      >
                        标记为已处理
                      </Button>
                    </View>
                  </View>
                ) : (
                  <Text className="privacy__kept">已处理：{r.resolution}</Text>
                )}
              </View>
            ))}
          </View>
        )}
      </StateView>
    </View>
  );
}
