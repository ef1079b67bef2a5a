import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { describeError } from '@/services/errors';
import { rolesApi, type RoleGrantRow } from '@/services/roles-api';
import { label } from '@/lib/labels';
import { Button } from './ui';

/**
 * People holding a role the caller may remove, each with a remove button: a confirm dialog names
 * the person and the role; the removal is immediate on the server (and audited there).
 */
export function RoleList({
  items,
  scope,
  onRemoved,
  testId,
}: {
  items: RoleGrantRow[];
  /** Where the role holds, for the dialog: "本工作室", the unit's name… */
  scope: string;
  onRemoved: () => void;
  testId: string;
}) {
  const remove = async (g: RoleGrantRow) => {
    const role = label('role', g.role);
    const ok = await Taro.showModal({
      title: '移除角色',
      content: `确定移除「${g.accountName}」在${scope}的${role}角色吗？移除后对方立即不能再以${role}身份查看和操作。`,
      confirmText: '移除',
    });
    if (!ok.confirm) return;
    try {
      await Taro.showLoading({ title: '正在移除' });
      await rolesApi.remove(g.id);
      void Taro.hideLoading();
      void Taro.showToast({ title: `已移除${g.accountName}的${role}角色`, icon: 'none' });
      onRemoved();
    } catch (e) {
      void Taro.hideLoading();
      void Taro.showToast({ title: `移除失败：${describeError(e)}`, icon: 'none', duration: 3000 });
    }
  };
  return (
    <View className="list-card" data-testid={testId}>
      {items.map((g) => (
        <View key={g.id} className="list-item" data-testid="role-row">
          <View className="grow">
            <Text className="list-item__title">{g.accountName}</Text>
            <Text className="list-item__meta block">{label('role', g.role)}</Text>
          </View>
          <Button
            size="small"
            className="tap-target"
            data-testid="role-remove"
            onClick={() => void remove(g)}
          >
            移除
          </Button>
        </View>
      ))}
    </View>
  );
}
