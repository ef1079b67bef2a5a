import { Text, View } from '@tarojs/components';
import { SIGNOFF_BADGE, type SignoffState } from '@/lib/signoff';
import { Button } from './ui';

/**
 * Under a record: where it stands with the unit (单位已确认 / 待单位确认), and 编辑 / 删除
 * (thumb-sized; does not open the row). A record the unit has confirmed can be neither changed
 * nor deleted (the server answers 409), so it shows who confirmed it instead of the buttons.
 */
export function RowActions({
  onEdit,
  onDelete,
  pending,
  signoff,
}: {
  onEdit: () => void;
  onDelete: () => void;
  pending?: 'PATCH' | 'DELETE';
  signoff?: SignoffState;
}) {
  const badge = signoff && SIGNOFF_BADGE[signoff.state];
  return (
    <View className="row-actions" onClick={(e) => e.stopPropagation()}>
      {pending ? (
        <Text className="pill pill--pending row-actions__lead">
          {pending === 'DELETE' ? '等待删除' : '修改等待发送'}
        </Text>
      ) : (
        badge && (
          <Text
            className={`pill nowrap row-actions__lead shrink-0 ${badge.pill}`}
            data-testid="signoff-badge"
          >
            {badge.text}
          </Text>
        )
      )}
      {signoff?.state === 'signed' ? (
        <Text className="muted text-right" data-testid="signoff-note">
          {signoff.text}
        </Text>
      ) : (
        <>
          <Button
            size="small"
            fill="outline"
            className="row-action"
            onClick={onEdit}
            data-testid="row-edit"
          >
            编辑
          </Button>
          <Button
            size="small"
            type="danger"
            fill="outline"
            className="row-action"
            onClick={onDelete}
            data-testid="row-delete"
          >
            删除
          </Button>
        </>
      )}
    </View>
  );
}
