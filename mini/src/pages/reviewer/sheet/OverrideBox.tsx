import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { describeError } from '@/services/errors';
import { formatDate, todayISO } from '@/lib/format';
import type { AssessmentItem } from '@/lib/facts';
import { reviewApi, type OverrideView } from '@/services/review-api';
import { Button } from '@/components/ui';

/** The checks the server makes (PutOverrideDto, the item's maximum), shown at their fields. */
export function overrideErrors(
  score: string,
  reason: string,
  max: number,
): { score?: string; reason?: string } {
  const e: { score?: string; reason?: string } = {};
  const n = Number(score);
  if (score.trim() === '') e.score = '请填写改定得分';
  else if (!Number.isFinite(n)) e.score = '改定得分必须是数字';
  else if (n < 0 || n > max) e.score = `改定得分应在 0–${max} 分之间（该项满分 ${max} 分）`;
  else if (Math.round(n * 100) !== n * 100) e.score = '改定得分最多两位小数';
  if (!reason.trim()) e.reason = '请填写改分理由（将显示在考核表上并记入审计）';
  else if (reason.length > 500) e.reason = '改分理由不能超过 500 字';
  return e;
}

/**
 * A reviewer's override of an automatic item: the score the facts gave is replaced, with a
 * required reason that the sheet, the finalized sheet and the export all show.
 */
export function OverrideBox(props: {
  studioId: number;
  item: AssessmentItem;
  saved: OverrideView | undefined;
  locked: boolean;
  onChanged: () => void;
}) {
  const { studioId, item, saved, locked, onChanged } = props;
  const [open, setOpen] = useState(false);
  const [score, setScore] = useState(saved ? String(saved.score) : String(item.max));
  const [reason, setReason] = useState(saved?.reason ?? '');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = overrideErrors(score, reason, item.max);
  const id = item.id;

  const save = async () => {
    setTried(true);
    if (errors.score || errors.reason) return;
    setBusy(true);
    try {
      await reviewApi.override(studioId, id, Number(score), reason.trim());
      void Taro.showToast({ title: '改分已保存', icon: 'success' });
      setOpen(false);
      onChanged();
    } catch (e) {
      void Taro.showToast({ title: `改分未保存：${describeError(e)}`, icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  const undo = async () => {
    const ok = await Taro.showModal({
      title: '撤销改分',
      content: `恢复 ${id} 按记录自动计算的得分？`,
      confirmText: '撤销',
    });
    if (!ok.confirm) return;
    try {
      await reviewApi.removeOverride(studioId, id);
      void Taro.showToast({ title: '已恢复自动得分', icon: 'success' });
      onChanged();
    } catch (e) {
      void Taro.showToast({ title: `未能撤销：${describeError(e)}`, icon: 'none' });
    }
  };

  return (
    <View>
      {item.override && (
        <View className="override-note" data-testid={`override-note-${id}`}>
          <Text className="block fw-600">
            评审改分：原 {item.override.fromScore} 分 → {item.score} 分
          </Text>
          <Text className="block mt-4">理由：{item.override.reason}</Text>
          {saved && (
            <Text className="block mt-4 text-muted">
              {saved.overriddenByName} · {formatDate(todayISO(new Date(saved.overriddenAt)))}
            </Text>
          )}
        </View>
      )}
      {!locked && (
        <View className="row mt-4 meeting-actions no-print">
          <Text
            className="tap-link text-primary fs-14"
            data-testid={`override-open-${id}`}
            onClick={() => setOpen(!open)}
          >
            {open ? '收起' : item.override ? '修改改分' : '改分'}
          </Text>
          {item.override && (
            <Text
              className="tap-link text-danger fs-14 ml-8"
              data-testid={`override-undo-${id}`}
              onClick={() => void undo()}
            >
              撤销改分
            </Text>
          )}
        </View>
      )}
      {open && !locked && (
        <View className="mt-4 meeting-actions" data-testid={`override-form-${id}`}>
          <Text className="fs-14 block mb-4">改定得分（0–{item.max}）</Text>
          <Input
            type="digit"
            value={score}
            className={`meeting-input ${tried && errors.score ? 'meeting-input--error' : ''}`}
            onInput={(e) => setScore(e.detail.value)}
            data-testid={`override-score-${id}`}
          />
          {tried && errors.score && <View className="field-error">{errors.score}</View>}
          <Text className="fs-14 block mt-8 mb-4">
            <Text className="text-danger">* </Text>改分理由
          </Text>
          <Textarea
            value={reason}
            maxlength={500}
            placeholder="例如：现场查看，工作室有经费台账和经费管理办法"
            className={`meeting-textarea ${tried && errors.reason ? 'meeting-textarea--error' : ''}`}
            onInput={(e) => setReason(e.detail.value)}
            data-testid={`override-reason-${id}`}
          />
          {tried && errors.reason && (
            <View className="field-error" data-testid={`override-reason-error-${id}`}>
              {errors.reason}
            </View>
          )}
          <Button
            type="primary"
            size="small"
            className="tap-target mt-8"
            loading={busy}
            data-testid={`override-save-${id}`}
            onClick={() => void save()}
          >
            保存改分
          </Button>
        </View>
      )}
    </View>
  );
}
