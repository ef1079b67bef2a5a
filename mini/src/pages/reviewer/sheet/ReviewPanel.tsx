import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { describeError } from '@/services/errors';
import { formatDate, todayISO } from '@/lib/format';
import { reviewApi, type PeriodView, type ReviewCommentView } from '@/services/review-api';
import { Button } from '@/components/ui';

/** The bottom of the meeting form: 评审意见 with the reviewer and date, and 定稿. */
export function ReviewPanel(props: {
  studioId: number;
  asOf: string;
  comment: ReviewCommentView | null;
  finalized: PeriodView | undefined;
  complete: boolean;
  period: { from: string; to: string } | undefined;
  onChanged: () => void;
}) {
  const { studioId, asOf, comment, finalized, complete, period, onChanged } = props;
  const [text, setText] = useState(comment?.comment ?? '');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => setText(comment?.comment ?? ''), [comment?.comment]);
  const error = !text.trim()
    ? '请填写评审意见'
    : text.length > 2000
      ? '评审意见不能超过 2000 字'
      : undefined;

  const saveComment = async () => {
    setTried(true);
    if (error) return;
    setBusy(true);
    try {
      await reviewApi.comment(studioId, text.trim());
      void Taro.showToast({ title: '评审意见已保存', icon: 'success' });
      onChanged();
    } catch (e) {
      void Taro.showToast({ title: `评审意见未保存：${describeError(e)}`, icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  const finalize = async () => {
    const span = period ? `${formatDate(period.from)}至${formatDate(period.to)}` : '本考核期';
    const ok = await Taro.showModal({
      title: '确认定稿',
      content: `定稿后，${span}的考核表按现在的得分保存，期间内的记录、评分和改分都不能再修改。${complete ? '' : '尚有待评审的项目，按 0 分定稿。'}确定定稿吗？`,
      confirmText: '定稿',
      cancelText: '再看看',
    });
    if (!ok.confirm) return;
    setBusy(true);
    try {
      await reviewApi.finalize(studioId, asOf);
      void Taro.showToast({ title: '已定稿', icon: 'success' });
      onChanged();
    } catch (e) {
      void Taro.showToast({ title: `未能定稿：${describeError(e)}`, icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" data-testid="review-panel">
      <Text className="fs-16 fw-600 block mb-8">评审意见</Text>
      {finalized ? (
        <Text className="block fs-15" data-testid="review-comment-text">
          {comment?.comment ?? '（未填写评审意见）'}
        </Text>
      ) : (
        <View className="meeting-actions">
          <Textarea
            value={text}
            maxlength={2000}
            placeholder="填写评审组对该工作室的意见"
            className={`meeting-textarea ${tried && error ? 'meeting-textarea--error' : ''}`}
            onInput={(e) => setText(e.detail.value)}
            data-testid="review-comment"
          />
          {tried && error && <View className="field-error">{error}</View>}
        </View>
      )}
      {!finalized && <Text className="print-only fs-15">{comment?.comment ?? ''}</Text>}
      <Text className="block muted fs-13 mt-6" data-testid="review-comment-by">
        {comment
          ? `评审人：${comment.reviewedByName} · ${formatDate(todayISO(new Date(comment.reviewedAt)))}`
          : '评审人：—（保存后记录评审人与日期）'}
      </Text>
      {!finalized && (
        <Button
          size="small"
          className="tap-target mt-8 meeting-actions"
          loading={busy}
          data-testid="save-comment"
          onClick={() => void saveComment()}
        >
          保存评审意见
        </Button>
      )}
      <View className="mt-12">
        {finalized ? (
          <Text className="block fs-14 text-success" data-testid="finalized">
            已定稿：{formatDate(finalized.from)}至{formatDate(finalized.to)} ·{' '}
            {formatDate(todayISO(new Date(finalized.finalizedAt)))}
          </Text>
        ) : (
          <Button
            type="primary"
            block
            className="tap-target meeting-actions"
            disabled={busy}
            data-testid="finalize"
            onClick={() => void finalize()}
          >
            定稿
          </Button>
        )}
      </View>
    </View>
  );
}
