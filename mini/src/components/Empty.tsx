import type { ComponentProps } from 'react';
import { Text, View } from '@tarojs/components';
import { Empty as NutEmpty } from '@nutui/nutui-react-taro';
import './Empty.css';

type Props = Partial<ComponentProps<typeof NutEmpty>>;

/**
 * NutUI's Empty with a drawn picture instead of its default images, which
 * NutUI loads from a CDN (broken offline, on intranets and in the e2e run).
 */
export function Empty({ image, status = 'empty', ...rest }: Props) {
  const picture = image ?? (
    <View className="empty-pic">
      <Text
        className={
          status === 'empty' ? 'empty-pic__mark' : 'empty-pic__mark empty-pic__mark--error'
        }
      >
        {status === 'empty' ? '∅' : '!'}
      </Text>
    </View>
  );
  return <NutEmpty image={picture} status={status} imageSize={80} {...rest} />;
}
