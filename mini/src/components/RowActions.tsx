import { Text, View } from '@tarojs/components';
import { Button } from './ui';

/** 编辑 / 删除 under a record (thumb-sized; does not open the row). */
export function RowActions({ onEdit, onDelete, pending }: { onEdit: () => void; onDelete: () => void; pending?: 'PATCH' | 'DELETE' }) {
  return (
    <View className='row-actions' onClick={(e) => e.stopPropagation()}>
      {pending && <Text className='pill pill--pending' style={{ marginRight: 'auto', marginLeft: 0 }}>{pending === 'DELETE' ? '等待删除' : '修改等待发送'}</Text>}
      <Button size='small' fill='outline' className='row-action' onClick={onEdit} data-testid='row-edit'>
        编辑
      </Button>
      <Button size='small' type='danger' fill='outline' className='row-action' onClick={onDelete} data-testid='row-delete'>
        删除
      </Button>
    </View>
  );
}
