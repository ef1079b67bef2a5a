import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { RECORD_KINDS, type RecordKind } from '@master-studio/shared-rules';
import { formatDate } from '@/lib/format';
import type { EvidenceRecord } from '@/services/review-api';

const noun = (kind: string): string => RECORD_KINDS[kind as RecordKind]?.appNoun ?? '记录';

/** The records an item rests on, each named and dated; tapping one opens its details. */
export function EvidenceList({ itemId, records }: { itemId: string; records: EvidenceRecord[] }) {
  if (!records.length) return null;
  const open = (r: EvidenceRecord) =>
    void Taro.showModal({
      title: r.title || noun(r.kind),
      content: [
        noun(r.kind),
        r.detail ?? '',
        r.date ? formatDate(r.date) : '',
        `${noun(r.kind)}编号 ${r.id}`,
      ]
        .filter(Boolean)
        .join(' · '),
      showCancel: false,
      confirmText: '知道了',
    });
  return (
    <View className="mt-8" data-testid={`evidence-${itemId}`}>
      <Text className="muted fs-13 block mb-4">依据的记录（{records.length} 条，点开查看）</Text>
      {records.slice(0, 20).map((r) => (
        <View
          key={`${r.kind}-${r.id}`}
          className="evidence-row"
          data-testid={`evidence-record-${r.kind}-${r.id}`}
          onClick={() => open(r)}
        >
          <Text className="nowrap mr-6">{r.date ? formatDate(r.date) : ''}</Text>
          <Text className="grow">{r.title || noun(r.kind)}</Text>
          <Text className="text-muted">›</Text>
        </View>
      ))}
      {records.length > 20 && (
        <Text className="muted fs-13 block mt-4">……等共 {records.length} 条，见导出的考核表</Text>
      )}
    </View>
  );
}
