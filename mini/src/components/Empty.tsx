import type { ComponentProps } from 'react';
import { Text, View } from '@tarojs/components';
import { Empty as NutEmpty } from '@nutui/nutui-react-taro';

type Props = Partial<ComponentProps<typeof NutEmpty>>;

/**
 * NutUI's Empty with a drawn picture instead of its default images, which
 * NutUI loads from a CDN (broken offline, on intranets and in the e2e run).
 */
export function Empty({ image, status = 'empty', ...rest }: Props) {
  const picture = image ?? (
    <View
      style={{
        width: '100%',
        height: '100%',
        borderRadius: '50%',
        background: '#f2f4f8',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      <Text
        style={{
          color: status === 'empty' ? '#b6bdca' : '#f08c00',
          fontSize: '28px',
          fontWeight: 700,
          lineHeight: 1,
        }}
      >
        {status === 'empty' ? '∅' : '!'}
      </Text>
    </View>
  );
  return <NutEmpty image={picture} status={status} imageSize={80} {...rest} />;
}
