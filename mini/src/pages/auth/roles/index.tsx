import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { currentRole, goHome, loadMe, roleKey, signOut, type RoleGrant } from '@/services/session';
import { label } from '@/lib/labels';
import { StateView } from '@/components/StateView';
import { useAsync } from '@/components/useAsync';
import { Button } from '@/components/ui';

function scope(g: RoleGrant): string {
  return g.studioName ?? g.unitName ?? g.jurisdictionName ?? '';
}

/** The role switcher: one account may lead a studio and also review others. */
export default function Roles() {
  const me = useAsync(loadMe, []);
  return (
    <View className="page">
      <View className="hero">
        <Text className="hero__title">{me.data?.account.name ?? '我的角色'}</Text>
        <Text className="hero__sub">选择要进入的身份，随时可在首页右上角切换</Text>
      </View>
      <View className="lift">
        <StateView state={me} isEmpty={(d) => d.roles.length === 0} emptyText="该账号暂未分配角色">
          {(d) => {
            const current = currentRole(d);
            return (
              <View className="list-card">
                {d.roles.map((g) => (
                  <View
                    key={roleKey(g)}
                    className="list-item"
                    data-testid={`role-${g.role}`}
                    onClick={() => goHome(g)}
                  >
                    <View className="grow">
                      <Text className="list-item__title">{label('role', g.role)}</Text>
                      <Text className="list-item__meta block">{scope(g)}</Text>
                    </View>
                    {current && roleKey(current) === roleKey(g) ? (
                      <Text className="pill pill--on_track">当前</Text>
                    ) : (
                      <Text className="muted">进入 ›</Text>
                    )}
                  </View>
                ))}
              </View>
            );
          }}
        </StateView>
        <View className="list-card m-24">
          <View
            className="list-item"
            data-testid="me-data"
            onClick={() => void Taro.navigateTo({ url: '/pages/privacy/my-data/index' })}
          >
            <Text className="list-item__title grow">我的数据（查看、导出、更正、删除）</Text>
            <Text className="muted">›</Text>
          </View>
          <View
            className="list-item"
            data-testid="me-privacy"
            onClick={() => void Taro.navigateTo({ url: '/pages/privacy/policy/index' })}
          >
            <Text className="list-item__title grow">隐私保护指引</Text>
            <Text className="muted">›</Text>
          </View>
        </View>
        <View className="m-24">
          <Button
            block
            size="large"
            type="primary"
            data-testid="roles-join"
            onClick={() => void Taro.navigateTo({ url: '/pages/auth/join/index' })}
          >
            加入工作室（输入邀请码）
          </Button>
        </View>
        <View className="m-24">
          <Button
            block
            size="large"
            onClick={() => {
              signOut();
              void Taro.reLaunch({ url: '/pages/auth/login/index' });
            }}
          >
            退出登录
          </Button>
        </View>
      </View>
    </View>
  );
}
