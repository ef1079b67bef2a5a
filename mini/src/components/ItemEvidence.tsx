import { Text, View } from '@tarojs/components';
import type { ItemEvidence as ItemEvidenceData } from '@/services/api';
import { EvidenceTile } from './EvidencePanel';
import './Evidence.css';

/**
 * Under an item of the assessment sheet: the records or facilities it rests on, each with its
 * files (tap to open in the viewer), and 缺少佐证材料 when something it counts has no file.
 */
export function ItemEvidence({ data }: { data: ItemEvidenceData | undefined }) {
  if (!data) return null;
  const all = data.subjects.flatMap((s) => s.files);
  return (
    <View className="evidence" data-testid={`item-evidence-${data.itemId}`}>
      {data.missing && (
        <Text className="evidence__missing" data-testid={`item-missing-${data.itemId}`}>
          缺少佐证材料
        </Text>
      )}
      {data.subjects.map((s) => (
        <View key={`${s.subject}-${s.key}`} className="mt-8">
          <Text className="muted fs-13 block">
            {s.label}
            {s.files.length === 0 ? '：无附件' : `：${s.files.length} 个附件`}
          </Text>
          {s.files.length > 0 && (
            <View className="evidence__grid">
              {s.files.map((f) => (
                <EvidenceTile key={f.id} file={f} all={all} small />
              ))}
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
