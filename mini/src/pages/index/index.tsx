import { View, Text } from '@tarojs/components';
import { policies } from '@master-studio/shared-rules';
import './index.css';

export default function Index() {
  return (
    <View className='index'>
      <Text>技能大师工作室助手</Text>
      <Text>支持政策：{policies.length} 项</Text>
    </View>
  );
}
