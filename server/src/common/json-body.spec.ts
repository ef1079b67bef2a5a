import { JSON_MAX_DEPTH, jsonDepth, mediaTypeOf, parseJsonBody } from './json-body';

describe('json-body', () => {
  describe(mediaTypeOf.name, () => {
    it('reads the media type and accepts only a UTF-8 charset', () => {
      expect(mediaTypeOf(undefined)).toBe('');
      expect(mediaTypeOf('Application/JSON; charset=UTF-8')).toBe('application/json');
      expect(mediaTypeOf('application/json;charset="utf8"')).toBe('application/json');
      expect(mediaTypeOf('application/json; charset=gbk')).toBeNull();
      expect(mediaTypeOf('application/x-www-form-urlencoded')).toBe(
        'application/x-www-form-urlencoded',
      );
    });
  });

  describe(jsonDepth.name, () => {
    it('counts nesting outside strings only', () => {
      expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
      expect(jsonDepth('{"a":"[[[[{{{{\\"[[["}')).toBe(1);
      expect(jsonDepth('1')).toBe(0);
    });
    it('stops early past the limit', () => {
      expect(jsonDepth('['.repeat(1_000_000), 5)).toBe(6);
    });
  });

  describe(parseJsonBody.name, () => {
    const parse = (method: string, text: string) => parseJsonBody(method, Buffer.from(text));
    it('answers objects, and {} for no body', () => {
      expect(parse('POST', '{"a":1}')).toEqual({ ok: true, body: { a: 1 } });
      expect(parse('POST', '')).toEqual({ ok: true, body: {} });
      expect(parse('DELETE', '  ')).toEqual({ ok: true, body: {} });
    });
    it('refuses deep nesting before parsing', () => {
      expect(
        parse('POST', `{"a":${'['.repeat(JSON_MAX_DEPTH)}${']'.repeat(JSON_MAX_DEPTH)}}`),
      ).toMatchObject({ ok: false, status: 400 });
      expect(
        parse('POST', `{"a":${'['.repeat(JSON_MAX_DEPTH - 1)}${']'.repeat(JSON_MAX_DEPTH - 1)}}`),
      ).toMatchObject({ ok: true });
    });
    it('refuses bad JSON and non-objects', () => {
      for (const text of ['{', '[]', '"x"', '3', 'null', 'true'])
        expect(parse('POST', text)).toMatchObject({ ok: false, status: 400, code: 'BAD_REQUEST' });
    });
    it('refuses a PATCH that changes nothing', () => {
      expect(parse('PATCH', '{}')).toMatchObject({
        ok: false,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(parse('PATCH', '')).toMatchObject({
        ok: false,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(parse('PATCH', '{"a":null}')).toMatchObject({ ok: true });
    });
  });
});
