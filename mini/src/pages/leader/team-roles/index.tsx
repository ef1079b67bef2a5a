import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { currentRole } from '@/services/session';
import { rolesApi } from '@/services/roles-api';
import { RoleList } from '@/components/RoleList';
import { StateView } from '@/components/StateView';
import { useAsync } from '@/components/useAsync';

/** The leader's people screen: team members' and apprentices' app access, removable. */
export default function TeamRoles() {
  const studioId = Number(useRouter().params.studioId || currentRole()?.studioId || 0);
  const roles = useAsync(() => rolesApi.ofStudio(studioId), [studioId]);
  return (
    <View className="page" data-testid="leader-team-roles">
      <View className="hero">
        <Text className="hero__title">成员权限</Text>
        <Text className="hero__sub">
          已用邀请码加入的成员和学徒；移除后对方立即不能再查看和操作本工作室
        </Text>
      </View>
      <View className="lift">
        <StateView
          state={roles}
          isEmpty={(d) => d.items.length === 0}
          emptyText="还没有成员或学徒加入，可在团队成员、学徒名册中邀请"
          rows={4}
        >
          {(d) => (
            <RoleList
              items={d.items}
              scope="本工作室"
              onRemoved={roles.reload}
              testId="team-roles"
            />
          )}
        </StateView>
      </View>
    </View>
  );
}
