import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { askSubscribeConsent, remindersApi } from '@/services/reminders-api';
import { describeError } from '@/services/errors';
import { StateView } from '@/components/StateView';
import { useAsync } from '@/components/useAsync';
import { Button } from '@/components/ui';
import '@/components/InboxBar.css';

/** Which kinds of reminder a person wants; what is switched off is no longer created for them. */
export default function ReminderSettingsPage() {
  const settings = useAsync(remindersApi.settings, []);
  const [muted, setMuted] = useState<string[] | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (settings.data && muted === null)
      setMuted(settings.data.kinds.filter((k) => !k.enabled).map((k) => k.kind));
  }, [settings.data, muted]);
  const toggle = (kind: string) =>
    setMuted((m) =>
      (m ?? []).includes(kind) ? (m ?? []).filter((k) => k !== kind) : [...(m ?? []), kind],
    );
  const save = async () => {
    setSaving(true);
    try {
      await remindersApi.saveSettings(muted ?? []);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (e) {
      // The choices stay on screen, so nothing is lost; the person can save again.
      void Taro.showToast({ title: describeError(e), icon: 'none' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <View className="page" data-testid="reminder-settings">
      <View className="p-16-16-8">
        <Text className="muted">
          选择要接收的提醒。关闭后不再生成该类提醒，已有的提醒不受影响。
        </Text>
      </View>
      <StateView state={settings}>
        {(d) => (
          <View>
            <View className="list-card">
              {d.kinds.map((k) => {
                const on = !(muted ?? []).includes(k.kind);
                return (
                  <View
                    key={k.kind}
                    className="list-item inbox-item"
                    data-testid={`setting-${k.kind}`}
                    onClick={() => toggle(k.kind)}
                  >
                    <Text className="grow">{k.label}</Text>
                    <Text className={`pill ${on ? 'pill--met' : 'pill--pending'}`}>
                      {on ? '接收' : '不接收'}
                    </Text>
                  </View>
                );
              })}
            </View>
            <View className="m-0-12-12">
              <Button
                block
                type="primary"
                size="large"
                loading={saving}
                data-testid="settings-save"
                onClick={() => {
                  askSubscribeConsent();
                  void save();
                }}
              >
                保存
              </Button>
            </View>
          </View>
        )}
      </StateView>
    </View>
  );
}
