import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReminderRow } from '@/services/api';
import { useEffect } from 'react';
import { askSubscribeConsent, preloadTemplateIds, remindersApi } from '@/services/reminders-api';
import { describeError } from '@/services/errors';
import { StateView } from '@/components/StateView';
import { useAsync } from '@/components/useAsync';
import { Button } from '@/components/ui';
import { reminderDue } from '@/lib/deadline-actions';
import { todayISO } from '@/lib/format';
import '@/components/InboxBar.css';

const STEP_PILL: Record<string, string> = {
  overdue: 'pill--behind',
  behind: 'pill--behind',
  d1: 'pill--behind',
  m11: 'pill--behind',
  d7: 'pill--at_risk',
  at_risk: 'pill--at_risk',
  m9: 'pill--at_risk',
};

/** Every role's inbox: what is due, by when, and a tap opens the screen where it is done. */
export default function InboxPage() {
  const box = useAsync(remindersApi.inbox, [], { refreshOnShow: true });
  const today = todayISO();
  useEffect(() => void preloadTemplateIds(), []);
  usePullDownRefresh(() => {
    box.reload();
    void Taro.stopPullDownRefresh();
  });
  const open = async (r: ReminderRow) => {
    askSubscribeConsent(); // a natural moment: the person is acting on a reminder
    try {
      if (!r.read) await remindersApi.read(r.id);
    } catch {
      // Marking read can wait; opening the screen matters more.
    }
    void Taro.navigateTo({ url: r.route });
  };
  const readAll = async () => {
    try {
      await remindersApi.readAll();
      box.reload();
    } catch (e) {
      void Taro.showToast({ title: describeError(e), icon: 'none' });
    }
  };
  return (
    <View className="page" data-testid="inbox">
      <View className="row row--between p-16-16-8">
        <Text className="muted">
          {box.data ? `${box.data.unread} 条未读` : '到期事项、进度风险和活动提醒'}
        </Text>
        <View className="row">
          <Button
            size="small"
            className="inbox-action"
            data-testid="inbox-read-all"
            onClick={() => void readAll()}
          >
            全部已读
          </Button>
          <Button
            size="small"
            className="inbox-action ml-8"
            data-testid="inbox-settings"
            onClick={() => void Taro.navigateTo({ url: '/pages/inbox/settings/index' })}
          >
            设置
          </Button>
        </View>
      </View>
      {process.env.TARO_ENV === 'weapp' && (
        <View className="m-0-12-12">
          <Button block type="primary" fill="outline" onClick={askSubscribeConsent}>
            在微信中接收提醒
          </Button>
        </View>
      )}
      <StateView
        state={box}
        isEmpty={(d) => d.items.length === 0}
        emptyText="暂无提醒，到期事项会在这里出现"
      >
        {(d) => (
          <View className="list-card">
            {d.items.map((r) => {
              const due = reminderDue(r, today);
              return (
                <View
                  key={r.id}
                  className={`list-item inbox-item${r.read ? '' : ' inbox-item--unread'}${due.overdue ? ' inbox-item--overdue' : ''}`}
                  data-testid="inbox-item"
                  data-kind={r.kind}
                  data-overdue={due.overdue ? 'yes' : 'no'}
                  onClick={() => void open(r)}
                >
                  <View className="grow">
                    <Text className="list-item__title">
                      {!r.read && <Text className="inbox-dot" />}
                      {r.title}
                    </Text>
                    {r.studioName && <Text className="list-item__meta block">{r.studioName}</Text>}
                    <Text className="list-item__meta block inbox-body">{r.body}</Text>
                    <Text
                      className={`list-item__meta block${due.overdue ? ' text-danger fw-600' : ''}`}
                      data-testid="inbox-due"
                    >
                      {due.text}
                    </Text>
                  </View>
                  <Text className={`pill ${STEP_PILL[r.step] ?? 'pill--pending'}`}>
                    {due.overdue ? '补办 ›' : '办理 ›'}
                  </Text>
                </View>
              );
            })}
          </View>
        )}
      </StateView>
    </View>
  );
}
