import { View } from '@tarojs/components';
import type { EvidenceFile } from '@/services/api';
import { EvidenceTile } from './EvidencePanel';
import './Evidence.css';

/** The first files of one record, as small tiles on its list row (tap to open). */
export function RecordThumbs({ files }: { files: EvidenceFile[] | undefined }) {
  if (!files || files.length === 0) return null;
  return (
    <View className="evidence__grid" data-testid="record-thumbs">
      {files.slice(0, 3).map((f) => (
        <EvidenceTile key={f.id} file={f} all={files} small />
      ))}
    </View>
  );
}

/** A kind's files grouped by record id (one list call for the whole screen). */
export function filesByRecord(files: EvidenceFile[] | undefined): Map<string, EvidenceFile[]> {
  const out = new Map<string, EvidenceFile[]>();
  for (const f of files ?? []) out.set(f.key, [...(out.get(f.key) ?? []), f]);
  return out;
}
