import { Text, View } from '@tarojs/components';
import { describeError } from '@/services/errors';
import { label } from '@/lib/labels';
import { isEmptyDiff } from '@/lib/preview';
import type { Preview } from './usePreview';

/** The card under the form: what saving the draft changes in the targets. */
export function PreviewCard(props: {
  factsLoading: boolean;
  factsError: unknown;
  factsLoaded: boolean;
  editing: boolean;
  /** Whether a client check fails, and the first such message. */
  hasErrors: boolean;
  firstError: string | undefined;
  /** Whether an edit changes any field. */
  changed: boolean;
  preview: Preview | null;
}) {
  const {
    factsLoading,
    factsError,
    factsLoaded,
    editing,
    hasErrors,
    firstError,
    changed,
    preview,
  } = props;
  return (
    <View className="card" data-testid="preview">
      <Text className="fs-16 fw-600 block mb-8">保存后对目标的影响</Text>
      {factsLoading && <Text className="muted">正在载入工作室数据…</Text>}
      {factsError !== undefined && (
        <Text className="muted">无法预览：{describeError(factsError)}</Text>
      )}
      {editing && !factsLoading && factsLoaded && !hasErrors && !changed && (
        <Text className="muted block mb-4" data-testid="preview-unchanged">
          还没有修改；改动后这里显示对目标的影响
        </Text>
      )}
      {!factsLoading && factsLoaded && hasErrors && (
        <Text className="muted">填写完整后显示预览（{firstError}）</Text>
      )}
      {preview && 'error' in preview && <Text className="muted">{preview.error}</Text>}
      {preview && 'empty' in preview && <Text className="muted">这条记录不影响考核目标</Text>}
      {preview && 'diff' in preview && preview.diff && (
        <View>
          {isEmptyDiff(preview.diff) && (!editing || changed) && (
            <Text className="muted" data-testid="preview-none">
              {editing
                ? '这次修改不会改变任何目标（可能不在统计期内或不符合计入条件）'
                : '这条记录不会改变任何目标（可能不在统计期内或不符合计入条件）'}
            </Text>
          )}
          {preview.diff.changes.map((c) => (
            <View key={c.id} className="row row--between p-8-0" data-testid={`preview-${c.id}`}>
              <Text className="fs-14">{label('target', c.id)}</Text>
              <Text className={`fs-14 fw-600 ${c.delta >= 0 ? 'text-success' : 'text-danger'}`}>
                {c.before} → {c.after} / {c.required}
                {c.nowMet ? ' ✓ 达标' : ''}
              </Text>
            </View>
          ))}
          {preview.diff.deadlinesDone.map((d) => (
            <Text className="block fs-14 text-success p-4-0" key={d}>
              ✓ 完成「{label('deadline', d)}」
            </Text>
          ))}
          {preview.diff.findingsCleared.map((m) => (
            <Text className="block fs-13 text-success p-4-0" key={m}>
              消除提醒：{m}
            </Text>
          ))}
          {preview.diff.findingsAdded.map((m) => (
            <Text className="block fs-13 text-warning p-4-0" key={m}>
              新提醒：{m}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}
