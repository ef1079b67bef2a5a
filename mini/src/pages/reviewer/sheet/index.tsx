import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { citeZh } from '@master-studio/shared-rules';
import { studioApi } from '@/services/studio-api';
import { describeError } from '@/services/errors';
import { todayISO } from '@/lib/format';
import { label } from '@/lib/labels';
import type { AssessmentItem } from '@/lib/facts';
import { StateView } from '@/components/StateView';
import { useAsync } from '@/components/useAsync';
import { Button } from '@/components/ui';
import { ExportButton } from '@/components/ExportButton';
import { reviewApi } from '@/services/review-api';
import { judgeScoreError } from '@/lib/form-messages';
import { ItemEvidence } from '@/components/ItemEvidence';
import { evidenceApi } from '@/services/evidence';
import { EvidenceList } from './EvidenceList';
import { OverrideBox } from './OverrideBox';
import { ReviewPanel } from './ReviewPanel';
import './print.css';
import './meeting.css';

function JudgeInput({
  item,
  onSave,
}: {
  item: AssessmentItem;
  onSave: (score: number) => Promise<void>;
}) {
  const [value, setValue] = useState(item.basis === 'judged' ? String(item.score) : '');
  const [busy, setBusy] = useState(false);
  const n = Number(value);
  // Why it cannot be saved, at the field (issue 11 item 13); nothing while the field is empty.
  const problem = judgeScoreError(value, item.max);
  const bad = problem !== null;
  return (
    <View className="mt-8">
      <View className="row">
        <Input
          type="digit"
          value={value}
          placeholder={`0 – ${item.max}`}
          onInput={(e) => setValue(e.detail.value)}
          data-testid={`judge-${item.id}`}
          className={`meeting-input ${problem && value.trim() !== '' ? 'meeting-input--error' : ''}`}
        />
        <Button
          size="small"
          type="primary"
          disabled={bad}
          loading={busy}
          className="tap-target ml-8"
          onClick={async () => {
            setBusy(true);
            await onSave(n);
            setBusy(false);
          }}
        >
          保存评分
        </Button>
      </View>
      {problem && value.trim() !== '' && (
        <Text className="text-danger fs-13 block mt-4" data-testid={`judge-error-${item.id}`}>
          {problem}
        </Text>
      )}
    </View>
  );
}

/**
 * A studio's assessment sheet as the meeting form: computed items as they stand (each with its
 * records, named), inputs for the judged ones, overrides of the automatic ones with a reason,
 * the 评审意见 with the reviewer and date, and 定稿.
 */
export default function Sheet() {
  const studioId = Number(useRouter().params.studioId);
  const asOf = todayISO();
  const studio = useAsync(() => studioApi.get(studioId), [studioId]);
  const sheet = useAsync(() => studioApi.assessment(studioId, asOf), [studioId, asOf]);
  const review = useAsync(() => reviewApi.get(studioId, asOf), [studioId, asOf]);
  const periods = useAsync(() => reviewApi.periods(studioId), [studioId]);
  // The files beside the items that need them; the sheet stands without them if this fails.
  const files = useAsync(() => evidenceApi.sheet(studioId, asOf), [studioId, asOf]);
  const reloadAll = () => {
    sheet.reload();
    review.reload();
    periods.reload();
  };

  const save = async (item: AssessmentItem, score: number) => {
    try {
      await studioApi.judge(studioId, item.id, score, '');
      void Taro.showToast({ title: '评分已保存', icon: 'success' });
      sheet.reload();
    } catch (e) {
      void Taro.showToast({ title: describeError(e), icon: 'none' });
    }
  };

  return (
    <View className="page pt-12" data-testid="assessment-sheet">
      <StateView state={sheet} rows={10}>
        {(s) => {
          const period = s.period;
          const finalized = periods.data?.items.find((p) => p.from <= asOf && p.to >= asOf);
          const locked = finalized !== undefined;
          const evidence = new Map((review.data?.evidence ?? []).map((e) => [e.itemId, e.records]));
          const named = new Map((review.data?.explanations ?? []).map((e) => [e.itemId, e.text]));
          const overrides = new Map((review.data?.overrides ?? []).map((o) => [o.itemId, o]));
          return (
            <View>
              <View className="card">
                <Text className="fs-17 fw-700">{studio.data?.name ?? '工作室'}</Text>
                <View className="row mt-12 sheet-total-row">
                  <Text className="sheet-total" data-testid="sheet-total">
                    {s.total}
                  </Text>
                  <Text className="muted m-0-0-6-6">/ {s.maxTotal} 分</Text>
                  <View className="grow" />
                  {s.grade ? (
                    <Text
                      className={`pill sheet-grade ${s.grade === 'fail' ? 'pill--danger' : 'pill--met'}`}
                      data-testid="sheet-grade"
                    >
                      {label('grade', s.grade)}
                    </Text>
                  ) : s.gradeRange ? (
                    <Text className="pill pill--pending grade-range" data-testid="grade-range">
                      {label('grade', s.gradeRange.low)}–{label('grade', s.gradeRange.high)}
                    </Text>
                  ) : (
                    <Text className="pill pill--upcoming">不评等级</Text>
                  )}
                </View>
                <Text className="muted block mt-6">
                  基础分 {s.base.score}/{s.base.max} · 加分 {s.bonus.score}/{s.bonus.max}
                  {s.complete ? '' : ' · 尚有待评项目'}
                </Text>
                {!s.grade && s.gradeRange && (
                  <Text className="block fs-13 text-warning mt-6" data-testid="grade-range-note">
                    待评项目评定后，等次在{label('grade', s.gradeRange.low)}至
                    {label('grade', s.gradeRange.high)}之间，现在还不能确定。
                  </Text>
                )}
                {locked && (
                  <Text className="block fs-13 text-success mt-6">
                    本考核期已定稿，得分不能再修改。
                  </Text>
                )}
                {typeof s.gradeNote === 'string' && s.gradeNote && (
                  <Text className="muted block mt-6" data-testid="grade-note">
                    {citeZh(s.gradeNote)}
                  </Text>
                )}
                <View className="row no-print mt-10 sheet-actions">
                  <ExportButton
                    request={{ kind: 'assessment', studioId, asOf }}
                    text="导出考核表（Excel）"
                    testId="export-assessment"
                  />
                  {process.env.TARO_ENV === 'h5' && (
                    <Button size="small" data-testid="print-sheet" onClick={() => window.print()}>
                      打印
                    </Button>
                  )}
                  <Button
                    size="small"
                    data-testid="open-exports"
                    onClick={() =>
                      void Taro.navigateTo({
                        url: `/pages/exports/index/index?studioId=${studioId}`,
                      })
                    }
                  >
                    材料导出
                  </Button>
                  <Button
                    size="small"
                    data-testid="open-roles"
                    onClick={() =>
                      void Taro.navigateTo({
                        url: `/pages/reviewer/roles/index?studioId=${studioId}`,
                      })
                    }
                  >
                    人员与权限
                  </Button>
                </View>
              </View>
              {s.items.length === 0 && <View className="card muted">本政策没有逐项评分表。</View>}
              <View className="list-card">
                {s.items.map((it) => (
                  <View key={it.id} className="list-item block" data-testid={`item-${it.id}`}>
                    <View className="row row--between">
                      <Text className="grow fs-15 fw-500">
                        <Text className="text-muted mr-6">{it.id}</Text>
                        {it.label ?? ''}
                      </Text>
                      <Text className="fs-16 fw-700 ml-8">
                        {it.basis === 'pending' ? '—' : it.score}
                        <Text className="muted">/{it.max}</Text>
                      </Text>
                    </View>
                    <View className="row mt-4">
                      <Text
                        className={`pill sheet-basis ${it.basis === 'auto' ? 'pill--on_track' : it.basis === 'judged' || it.basis === 'override' ? 'pill--met' : 'pill--pending'}`}
                      >
                        {label('basis', it.basis)}
                      </Text>
                      <Text className="muted grow ml-8" data-testid={`explanation-${it.id}`}>
                        {citeZh(named.get(it.id) ?? it.explanation)}
                      </Text>
                    </View>
                    <EvidenceList itemId={it.id} records={evidence.get(it.id) ?? []} />
                    <ItemEvidence data={files.data?.items.find((e) => e.itemId === it.id)} />
                    {!locked && (it.basis === 'judged' || it.basis === 'pending') && (
                      <JudgeInput item={it} onSave={(n) => save(it, n)} />
                    )}
                    {(it.basis === 'auto' || it.basis === 'override') && (
                      <OverrideBox
                        studioId={studioId}
                        item={it}
                        saved={overrides.get(it.id)}
                        locked={locked}
                        onChanged={reloadAll}
                      />
                    )}
                  </View>
                ))}
              </View>
              {s.items.length > 0 && (
                <ReviewPanel
                  studioId={studioId}
                  asOf={asOf}
                  comment={review.data?.comment ?? null}
                  finalized={finalized}
                  complete={s.complete}
                  period={period}
                  onChanged={reloadAll}
                />
              )}
            </View>
          );
        }}
      </StateView>
    </View>
  );
}
