import { ApiError, NETWORK_MESSAGE, describeError, networkError, toApiError } from './errors';

describe('toApiError', () => {
  it('keeps the server code, Chinese message and field messages', () => {
    const e = toApiError(400, {
      code: 'VALIDATION',
      message: '输入有误',
      fields: { date: '日期格式不对', n: ['不能为负数'] },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(400);
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toBe('输入有误');
    expect(e.fields).toEqual({ date: '日期格式不对', n: '不能为负数' });
  });

  it('falls back to a Chinese message by status when the body is not ours', () => {
    expect(toApiError(410, '<html>gone</html>').message).toBe('签到码已过期，请重新扫码');
    expect(toApiError(403, null).code).toBe('HTTP_403');
    expect(toApiError(502, undefined).message).toBe('服务器开小差了，请稍后再试');
    expect(toApiError(418, {}).message).toBe('请求失败（418）');
  });
});

describe('networkError', () => {
  it('is status 0 and flagged as network so the write gets queued', () => {
    const e = networkError('request:fail timeout');
    expect(e.isNetwork).toBe(true);
    expect(e.message).toBe(NETWORK_MESSAGE);
    expect(toApiError(500, {}).isNetwork).toBe(false);
  });
});

describe('describeError', () => {
  it('adds the first bad field to a 400 message', () => {
    const e = toApiError(400, {
      code: 'VALIDATION',
      message: '输入有误',
      fields: { amount: '金额必须大于 0' },
    });
    expect(describeError(e)).toBe('输入有误：金额必须大于 0');
  });
  it('shows other API errors as the server put them', () => {
    expect(
      describeError(
        toApiError(409, { code: 'PERIOD_FINALIZED', message: '该考核期已定稿，不能修改' }),
      ),
    ).toBe('该考核期已定稿，不能修改');
  });
  it('never shows an English stack message to the user', () => {
    expect(describeError(new TypeError('Cannot read properties of undefined'))).toBe(
      '出了点问题，请稍后再试',
    );
    expect(describeError(new Error('日期不能为空'))).toBe('日期不能为空');
  });
});
