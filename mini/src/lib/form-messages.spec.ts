import { judgeScoreError, previewFailure } from './form-messages';

describe('form messages at the field (issue 11 item 13)', () => {
  it('says why a judged score above the maximum cannot be saved', () => {
    expect(judgeScoreError('12', 10)).toBe('本项满分 10 分，得分不能超过 10');
    expect(judgeScoreError('', 10)).toBe('请填写得分');
    expect(judgeScoreError('abc', 10)).toBe('得分须为数字');
    expect(judgeScoreError('-1', 10)).toBe('得分不能为负数');
    expect(judgeScoreError('10', 10)).toBeNull();
    expect(judgeScoreError(' 7.5 ', 10)).toBeNull();
  });

  it('says which step of a preview failed and that saving still works', () => {
    expect(previewFailure('facts', '网络连接失败')).toBe(
      '无法预览：工作室的现有记录没有载入（网络连接失败）。记录仍可保存。',
    );
    expect(previewFailure('evaluate', '')).toContain('按政策计算');
  });
});
