import { JsonLogger } from './json-logger';
import { redactText, redactValue } from './redact';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOjEsInBpZCI6Mn0.Xb3kq5w2b7Q1c9m0yF8r4sTt6uV1wZ0aBcDeFgHiJkL';

/** Every line JsonLogger writes while `fn` runs, parsed. */
function captured(fn: (logger: JsonLogger) => void): Record<string, unknown>[] {
  const lines: string[] = [];
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
  try {
    fn(new JsonLogger('debug'));
  } finally {
    spy.mockRestore();
  }
  return lines
    .join('')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('log redaction', () => {
  it('cuts tokens, phone numbers, ID-card numbers and quoted database values out of text', () => {
    expect(redactText(`authorization: Bearer ${JWT}`)).toBe('authorization: Bearer [token]');
    expect(redactText(`token ${JWT} expired`)).toBe('token [token] expired');
    expect(redactText('GET /api/exports/download?token=abc.def&x=1')).toBe(
      'GET /api/exports/download?token=[token]&x=1',
    );
    expect(redactText('call 13812345678 or +86 13912345678')).toBe('call [phone] or [phone]');
    expect(redactText('id 11010519491231002X here')).toBe('id [id-card] here');
    expect(redactText("Duplicate entry '张三-12' for key 'UQ_x'")).toBe(
      "Duplicate entry '[redacted]' for key 'UQ_x'",
    );
    expect(redactText("Incorrect string value: '\\xF0\\x9F' for column")).toBe(
      "Incorrect string value: '[redacted]' for column",
    );
    // Ids, timestamps, dates and durations stay readable.
    expect(redactText('account 42 at 1767225600000 on 2026-12-01 took 12.5 ms')).toBe(
      'account 42 at 1767225600000 on 2026-12-01 took 12.5 ms',
    );
  });

  it('replaces whole fields named like personal data, at any depth', () => {
    expect(
      redactValue({
        account: 7,
        name: '王小红',
        user: { studioName: '甲工作室', phone: '1', token: JWT },
      }),
    ).toEqual({
      account: 7,
      name: '[redacted]',
      user: { studioName: '[redacted]', phone: '[redacted]', token: '[redacted]' },
    });
  });

  it('writes no name, phone number or token into the JSON log lines', () => {
    const lines = captured((log) => {
      log.error(
        `QueryFailedError: Duplicate entry '王小红-3' for key 'UQ_people' Bearer ${JWT}`,
        'Errors',
      );
      log.warn({ name: '王小红', phone: '13812345678', note: '联系 13812345678' }, 'Auth');
      log.write('info', 'request', 'http', {
        method: 'GET',
        path: '/api/me',
        status: 200,
        account: 3,
        authorization: `Bearer ${JWT}`,
        openid: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M',
      });
    });
    expect(lines).toHaveLength(3);
    const text = JSON.stringify(lines);
    for (const secret of ['王小红', '13812345678', JWT, 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M'])
      expect(text).not.toContain(secret);
    expect(lines[2]).toMatchObject({ path: '/api/me', status: 200, account: 3 });
  });
});
