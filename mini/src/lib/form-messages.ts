/**
 * Messages a form shows at the field itself (issue 11 item 13), kept apart from the screens so
 * that the reviewer's sheet and the record preview can show the same words.
 */

/**
 * Why a judged score cannot be saved, or null when it can: empty, not a number, negative, above
 * the item's maximum, or with more than two decimals (the server's own limit, judgment.dto.ts).
 */
export function judgeScoreError(raw: string, max: number): string | null {
  const v = raw.trim();
  if (v === '') return '请填写得分';
  const n = Number(v);
  if (!Number.isFinite(n)) return '得分须为数字';
  if (n < 0) return '得分不能为负数';
  if (n > max) return `本项满分 ${max} 分，得分不能超过 ${max}`;
  if (!/^\d+(\.\d{1,2})?$/.test(v)) return '得分最多两位小数';
  return null;
}

/**
 * What a failed preview says: which step failed (loading the studio's records, or evaluating
 * them with the draft) and the cause, instead of a bare error text.
 */
export function previewFailure(step: 'facts' | 'evaluate', cause: string): string {
  const what =
    step === 'facts'
      ? '无法预览：工作室的现有记录没有载入'
      : '无法预览：按政策计算这条记录的影响时出错';
  return cause ? `${what}（${cause}）。记录仍可保存。` : `${what}。记录仍可保存。`;
}
