import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { studioApi, type RosterEntry } from '@/services/studio-api';
import { describeError } from '@/services/errors';
import { Button } from '@/components/ui';

/**
 * One person on the roster who has not checked in, with 补签: a late or paper sign-in, confirmed
 * by name, that the server records (and audits) as added by the leader.
 */
export function MissingRow(props: {
  studioId: number;
  activityId: number;
  entry: RosterEntry;
  onAdded: () => void;
}) {
  const { studioId, activityId, entry: r, onAdded } = props;
  const [adding, setAdding] = useState(false);

  const addLate = async () => {
    const ok = await Taro.showModal({
      title: '补签',
      content: `确定为${r.name}补签吗？将记录为领办人补签。`,
    });
    if (!ok.confirm) return;
    setAdding(true);
    try {
      await studioApi.addAttendance(studioId, activityId, r.personId);
      void Taro.showToast({ title: `已为${r.name}补签`, icon: 'success' });
      onAdded();
    } catch (e) {
      void Taro.showToast({ title: describeError(e), icon: 'none' });
    } finally {
      setAdding(false);
    }
  };

  return (
    <View className="list-item" data-testid="missing-row">
      <Text className="grow list-item__title">{r.name}</Text>
      <Button
        size="small"
        loading={adding}
        data-testid="add-late"
        onClick={() => void addLate()}
        className="tap-target"
      >
        补签
      </Button>
    </View>
  );
}
