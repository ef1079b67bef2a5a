import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { describeError } from '@/services/errors';
import { remainingRoles } from '@/services/access-lost';
import { signOut } from '@/services/session';
import { Button, Empty } from './ui';

/** The refused state: a role of this account was removed while the screen was open. */
export function AccessLost({ error }: { error: unknown }) {
  const others = remainingRoles().length > 0;
  return (
    <View className="state state--error access-lost" data-testid="access-lost">
      <Empty status="error" title="无法访问" description={describeError(error)} />
      <Button
        type="primary"
        size="large"
        className="state__retry tap-target"
        data-testid="access-lost-signin"
        onClick={() => {
          signOut();
          void Taro.reLaunch({ url: '/pages/auth/login/index' });
        }}
      >
        重新登录
      </Button>
      {others && (
        <Button
          size="large"
          className="state__retry tap-target"
          data-testid="access-lost-switch"
          onClick={() => void Taro.reLaunch({ url: '/pages/auth/roles/index' })}
        >
          切换角色
        </Button>
      )}
    </View>
  );
}
