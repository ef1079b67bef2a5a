import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@/components/ui';
import type { DeletionResult } from '@/services/privacy-api';
import { signOut } from '@/services/session';

/** After a deletion: what was removed, what was kept and why, and the way out. */
export function DeletedView({ deleted }: { deleted: DeletionResult }) {
  return (
    <View className="page" data-testid="privacy-deleted">
      <View className="hero">
        <Text className="hero__title">已删除</Text>
        <Text className="hero__sub">以下是删除和保留的内容</Text>
      </View>
      <View className="lift">
        <View className="card">
          <Text className="policy__title">已删除或匿名化</Text>
          {deleted.removed.map((i) => (
            <Text key={i.what} className="policy__line">
              {i.what}：{i.count}
            </Text>
          ))}
        </View>
        <View className="card" data-testid="privacy-kept">
          <Text className="policy__title">保留的内容及原因</Text>
          {deleted.kept.map((i) => (
            <View key={i.what} className="mb-8">
              <Text className="policy__line">
                {i.what}：{i.count}
              </Text>
              <Text className="privacy__kept">{i.why}</Text>
            </View>
          ))}
        </View>
        <View className="policy__actions">
          <Button
            className="privacy__btn"
            type="primary"
            size="large"
            block
            onClick={() => {
              signOut();
              void Taro.reLaunch({ url: '/pages/auth/login/index' });
            }}
          >
            退出
          </Button>
        </View>
      </View>
    </View>
  );
}
