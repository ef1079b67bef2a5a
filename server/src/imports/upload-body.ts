import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from '../common/error-answer';
import { mediaTypeOf } from '../common/json-body';

/**
 * The body of an import upload: the file's bytes as `application/octet-stream` (H5 posts the
 * File, weapp the ArrayBuffer read from chooseMessageFile's temp path), read into a Buffer up to
 * IMPORT_MAX_BYTES. Only POSTs to `…/imports/…` with that type; everything else goes on to the
 * JSON-only parser (common/json-body.ts), which lets a Buffer body through.
 */
export const IMPORT_MAX_BYTES = 8 * 1024 * 1024;
const UPLOAD_PATH = /^\/api\/(studios|jurisdictions)\/\d+\/imports\//;

type Req = IncomingMessage & { body?: unknown };

const tooLarge = (req: Req, res: ServerResponse): void => {
  if (!req.complete) res.setHeader('connection', 'close');
  req.resume();
  sendError(res, 413, {
    code: 'PAYLOAD_TOO_LARGE',
    message: `文件过大（不超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB）；请分成几个文件导入`,
  });
};

export function uploadBody() {
  return (req: Req, res: ServerResponse, next: (err?: unknown) => void): void => {
    if (
      req.method !== 'POST' ||
      !UPLOAD_PATH.test(req.url ?? '') ||
      mediaTypeOf(req.headers['content-type']) !== 'application/octet-stream'
    )
      return next();
    if (Number(req.headers['content-length'] ?? 0) > IMPORT_MAX_BYTES) return tooLarge(req, res);
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > IMPORT_MAX_BYTES) {
        done = true;
        return tooLarge(req, res);
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      req.body = Buffer.concat(chunks);
      next();
    });
    req.on('error', () => {
      if (done) return;
      done = true;
      sendError(res, 400, { code: 'BAD_REQUEST', message: '文件上传中断，请重试' });
    });
  };
}
