import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { IMPORT_PATHS } from '@/services/imports';
import { currentRole } from '@/services/session';
import { Button } from '@/components/ui';

/** The leader's 从表格导入 on a record list whose kind can be imported. */
export function ImportLink({ type, studioId }: { type: string; studioId: string }) {
  if (currentRole()?.role !== 'leader' || !(IMPORT_PATHS as readonly string[]).includes(type))
    return null;
  return (
    <View className="mt-8">
      <Button
        size="small"
        type="primary"
        fill="outline"
        className="tap-target"
        data-testid="import-open"
        onClick={() =>
          void Taro.navigateTo({
            url: `/pages/leader/import/index?studioId=${studioId}&type=${type}`,
          })
        }
      >
        从表格导入
      </Button>
    </View>
  );
}
