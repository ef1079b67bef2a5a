import Taro from '@tarojs/taro';
import { describeRow, RECORDS } from '@/lib/records';
import { describeError } from './errors';
import { studioApi, type RecordType } from './studio-api';
import { PALETTE } from '@/lib/palette';

/**
 * 删除 with a confirm naming the record; DELETE (queued when offline). Resolves
 * true when the record is gone or queued to go, false when cancelled or refused
 * (the server's reason — 409 finalized period / signed off, 403, 404 — is shown as it comes).
 */
export async function confirmAndDelete(
  studioId: number,
  type: RecordType,
  row: Record<string, unknown> & { id: number },
): Promise<boolean> {
  const def = RECORDS[type];
  const name = describeRow(def, row);
  const { confirm } = await Taro.showModal({
    title: `删除${def.noun}`,
    content: `确定删除${name}吗？删除后不再计入考核目标，且不能恢复。`,
    confirmText: '删除',
    confirmColor: PALETTE.danger,
    cancelText: '取消',
  });
  if (!confirm) return false;
  try {
    const r = await studioApi.remove(studioId, type, row.id, `删除${name}`);
    void Taro.showToast({
      title: r.queued ? '已存到手机，联网后自动删除' : '已删除',
      icon: r.queued ? 'none' : 'success',
    });
    return true;
  } catch (e) {
    void Taro.showModal({
      title: '没有删除',
      content: describeError(e),
      showCancel: false,
      confirmText: '知道了',
    });
    return false;
  }
}
