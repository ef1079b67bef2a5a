import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { cachedMe } from '@/services/session';

/** The blue header of each role's home, with the role switcher on the right. */
export function StudioHeader({ title, sub, chip }: { title: string; sub?: string; chip?: string }) {
  const me = cachedMe();
  return (
    <View className="hero">
      <View className="row row--between">
        <Text className="hero__sub mt-0">你好，{me?.account.name ?? ''}</Text>
        <Text
          className="hero__chip mt-0"
          data-testid="switch-role"
          onClick={() => void Taro.navigateTo({ url: '/pages/auth/roles/index' })}
        >
          {(me?.roles.length ?? 0) > 1 ? '切换角色' : '我的'}
        </Text>
      </View>
      <Text className="hero__title mt-12">{title}</Text>
      {sub && <Text className="hero__sub">{sub}</Text>}
      {chip && <Text className="hero__chip">{chip}</Text>}
    </View>
  );
}
