import { citeZh } from '@master-studio/shared-rules';
import { Text, View } from '@tarojs/components';
import { describeError } from '@/services/errors';
import { label } from '@/lib/labels';
import { isEmptyDiff } from '@/lib/preview';
import type { SheetDiff } from '@/lib/sheet-diff';
import type { Preview } from './usePreview';

/** The assessment sheet's part of the preview: the total and each item the draft moves. */
function SheetChange({ sheet }: { sheet: SheetDiff }) {
  const up = sheet.after >= sheet.before;
  return (
    <View className="mt-8" data-testid="preview-sheet">
      <View className="row row--between p-8-0">
        <Text className="fs-14 fw-600">考核得分</Text>
        <Text
          className={`fs-14 fw-600 ${up ? 'text-success' : 'text-danger'}`}
          data-testid="preview-sheet-total"
        >
          {sheet.before} → {sheet.after} / {sheet.max}
        </Text>
      </View>
      {sheet.items.map((it) => (
        <View key={it.id} className="row row--between p-4-0" data-testid={`preview-item-${it.id}`}>
          <Text className="fs-13 grow">
            <Text className="text-muted mr-6">{it.id}</Text>
            {it.label}
          </Text>
          <Text className={`fs-13 ml-8 nowrap ${it.delta >= 0 ? 'text-success' : 'text-danger'}`}>
            {it.before} → {it.after}（{it.delta >= 0 ? '+' : ''}
            {it.delta}）
          </Text>
        </View>
      ))}
    </View>
  );
}

/** The card under the form: what saving the draft changes in the targets and in the assessment score. */
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
      <Text className="fs-16 fw-600 block mb-8">保存后对目标和考核得分的影响</Text>
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
          {isEmptyDiff(preview.diff) && !preview.sheet && (!editing || changed) && (
            <Text className="muted" data-testid="preview-none">
              {editing
                ? '这次修改不会改变任何目标和考核得分（可能不在统计期内或不符合计入条件）'
                : '这条记录不会改变任何目标和考核得分（可能不在统计期内或不符合计入条件）'}
            </Text>
          )}
          {isEmptyDiff(preview.diff) && preview.sheet && (
            <Text className="muted block" data-testid="preview-no-target">
              不改变目标进度，但会改变考核得分：
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
          {preview.diff.overdueCleared.map((d) => (
            <Text className="block fs-14 text-success p-4-0" key={`overdue-${d}`}>
              ✓ 补报「{label('deadline', d)}」，不再逾期
            </Text>
          ))}
          {preview.diff.findingsCleared.map((m) => (
            <Text className="block fs-13 text-success p-4-0" key={m}>
              消除提醒：{citeZh(m)}
            </Text>
          ))}
          {preview.diff.findingsAdded.map((m) => (
            <Text className="block fs-13 text-warning p-4-0" key={m}>
              新提醒：{citeZh(m)}
            </Text>
          ))}
          {preview.sheet && <SheetChange sheet={preview.sheet} />}
        </View>
      )}
    </View>
  );
}
