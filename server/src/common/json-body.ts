import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from './error-answer';

/**
 * The one body parser (Nest's own is switched off in bootstrap.ts). Bodies are JSON objects
 * only, checked before anything parses them:
 * - a body with any other content type (form, multipart, text, XML…) → 415;
 * - more than JSON_MAX_BYTES → 413, without reading the rest;
 * - nested deeper than JSON_MAX_DEPTH → 400 (found by a scan of the text, so a deep body costs
 *   one pass and never reaches JSON.parse or class-transformer, whose recursion overflows);
 * - not JSON, or JSON that is not an object (an array, a string, null) → 400;
 * - a PATCH that changes nothing (`{}` or no body) → 400.
 * Bodies of GET, HEAD and OPTIONS are ignored, as before.
 */
export const JSON_MAX_BYTES = 100 * 1024;
export const JSON_MAX_DEPTH = 32;

type Req = IncomingMessage & { body?: unknown };

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);
const EVIDENCE_UPLOAD = /^\/api\/studios\/\d+\/evidence(\?|$)/;

/** '' when the header is absent, else the lower-cased media type; null for a charset other than UTF-8. */
export function mediaTypeOf(header: string | undefined): string | null {
  if (!header) return '';
  const [type = '', ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  for (const p of params) {
    const [k, v] = p.split('=');
    if (k === 'charset' && v?.replace(/"/g, '') !== 'utf-8' && v?.replace(/"/g, '') !== 'utf8')
      return null;
  }
  return type;
}

/** The deepest nesting of `[` / `{` in a JSON text, outside strings; stops counting past `limit`. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return max;
}

export type BodyVerdict =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; status: number; code: string; message: string };

/** Everything after reading: decode, depth, parse, shape. Pure, for the unit tests. */
export function parseJsonBody(method: string, raw: Buffer): BodyVerdict {
  const text = raw.toString('utf8');
  let body: unknown = {};
  if (text.trim() !== '') {
    if (jsonDepth(text, JSON_MAX_DEPTH) > JSON_MAX_DEPTH)
      return {
        ok: false,
        status: 400,
        code: 'BAD_REQUEST',
        message: `请求体嵌套层数过多（最多 ${JSON_MAX_DEPTH} 层）`,
      };
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      return { ok: false, status: 400, code: 'BAD_REQUEST', message: '请求体不是有效的 JSON' };
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      return { ok: false, status: 400, code: 'BAD_REQUEST', message: '请求体应为 JSON 对象' };
  }
  if (method === 'PATCH' && Object.keys(body as object).length === 0)
    return {
      ok: false,
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '没有要修改的字段：请至少提交一个字段',
    };
  return { ok: true, body: body as Record<string, unknown> };
}

export function jsonBody() {
  return (req: Req, res: ServerResponse, next: (err?: unknown) => void): void => {
    const method = (req.method ?? 'GET').toUpperCase();
    // An import upload already read by imports/upload-body.ts.
    if (BODYLESS.has(method) || Buffer.isBuffer(req.body)) return next();
    const length = req.headers['content-length'];
    const hasBody =
      req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
    const type = mediaTypeOf(req.headers['content-type']);
    // The one streamed upload route (evidence/upload-stream.ts reads its multipart body itself).
    if (type === 'multipart/form-data' && method === 'POST' && EVIDENCE_UPLOAD.test(req.url ?? ''))
      return next();
    if (type === null || (type !== '' && type !== 'application/json') || (type === '' && hasBody)) {
      return refuse(
        req,
        res,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        '只接受 JSON 格式的请求体（Content-Type: application/json）',
      );
    }
    if (length !== undefined && Number(length) > JSON_MAX_BYTES)
      return refuse(
        req,
        res,
        413,
        'PAYLOAD_TOO_LARGE',
        `提交的内容过大（不超过 ${JSON_MAX_BYTES / 1024} KB）`,
      );
    if (!hasBody) return finish(req, res, next, Buffer.alloc(0));
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > JSON_MAX_BYTES) {
        done = true;
        return refuse(
          req,
          res,
          413,
          'PAYLOAD_TOO_LARGE',
          `提交的内容过大（不超过 ${JSON_MAX_BYTES / 1024} KB）`,
        );
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      finish(req, res, next, Buffer.concat(chunks));
    });
    req.on('error', () => {
      if (done) return;
      done = true;
      refuse(req, res, 400, 'BAD_REQUEST', '请求体读取失败');
    });
  };
}

function finish(req: Req, res: ServerResponse, next: () => void, raw: Buffer): void {
  const verdict = parseJsonBody((req.method ?? '').toUpperCase(), raw);
  if (!verdict.ok) return refuse(req, res, verdict.status, verdict.code, verdict.message);
  req.body = verdict.body;
  next();
}

/** Answers at once; the rest of an unread body is discarded, and the connection closed after an early answer. */
function refuse(
  req: Req,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  if (!req.complete) res.setHeader('connection', 'close');
  req.resume();
  sendError(res, status, { code, message });
}
