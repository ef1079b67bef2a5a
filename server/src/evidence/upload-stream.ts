import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import busboy from 'busboy';
import { DomainError, validationFailed } from '../common/domain-error';
import { type FileType, sniff, SNIFF_BYTES } from './sniff';

/** One received file: on disk in a temp file, hashed and typed while it streamed in. */
export interface ReceivedFile {
  path: string;
  size: number;
  sha256: string;
  type: FileType;
  fileName: string;
  /** Deletes the temp file (always call it, also after a failure). */
  cleanup(): Promise<void>;
}

export const tooLarge = (maxBytes: number): DomainError =>
  new DomainError('FILE_TOO_LARGE', `文件过大：不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`);
export const typeRefused = (reason: string): DomainError =>
  new DomainError('FILE_TYPE_REFUSED', `不支持的文件类型：${reason}`);

/** Multipart slack over the file's own size (boundaries and part headers). */
const MULTIPART_SLACK = 64 * 1024;

/**
 * Reads the one file of a multipart/form-data request (field name `file`) into a temp file.
 * Nothing is buffered beyond the first SNIFF_BYTES: the type is decided from them and a refused
 * type stops the upload; the byte count is checked on every chunk and the upload stops with
 * FILE_TOO_LARGE as soon as it passes `maxBytes` (a declared Content-Length over it is refused
 * before any byte is read).
 */
export async function receiveUpload(req: IncomingMessage, maxBytes: number): Promise<ReceivedFile> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_SLACK) {
    req.resume(); // discarded unread, so the answer is not held up
    throw tooLarge(maxBytes);
  }
  const dir = join(tmpdir(), 'master-studio-uploads');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
  const cleanup = (): Promise<void> => rm(path, { force: true });
  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: req.headers,
      limits: { files: 1, fileSize: maxBytes, fields: 5, parts: 6 },
      defParamCharset: 'utf8',
    });
  } catch {
    throw validationFailed({ file: '请用 multipart/form-data 上传文件（字段名 file）' });
  }
  return new Promise<ReceivedFile>((resolve, reject) => {
    let settled = false;
    let sawFile = false;
    const fail = (e: unknown): void => {
      if (settled) return;
      settled = true;
      req.unpipe(bb);
      req.resume(); // discard the rest; the answer goes out without waiting for it
      void cleanup();
      reject(e);
    };
    bb.on('file', (field, stream, info) => {
      if (field !== 'file' || sawFile) {
        stream.resume();
        return;
      }
      sawFile = true;
      const hash = createHash('sha256');
      const out = createWriteStream(path);
      const head: Buffer[] = [];
      let headBytes = 0;
      let size = 0;
      let type: FileType | null = null;
      const decide = (): boolean => {
        const s = sniff(Buffer.concat(head));
        if (!s.ok) {
          stream.resume();
          out.destroy();
          fail(typeRefused(s.reason));
          return false;
        }
        type = s.type;
        return true;
      };
      stream.on('limit', () => {
        out.destroy();
        fail(tooLarge(maxBytes));
      });
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        size += chunk.length;
        hash.update(chunk);
        if (type === null) {
          head.push(chunk);
          headBytes += chunk.length;
          if (headBytes >= SNIFF_BYTES && !decide()) return;
        }
        if (!out.write(chunk)) {
          stream.pause();
          out.once('drain', () => stream.resume());
        }
      });
      stream.on('end', () => {
        if (settled) return;
        if (size === 0) return fail(validationFailed({ file: '文件是空的' }));
        if (type === null && !decide()) return;
        out.end(() => {
          if (settled) return;
          settled = true;
          resolve({
            path,
            size,
            sha256: hash.digest('hex'),
            type: type!,
            fileName: (info.filename || `file.${type!.ext}`).slice(0, 200),
            cleanup,
          });
        });
      });
      stream.on('error', fail);
      out.on('error', fail);
    });
    bb.on('close', () => {
      if (!sawFile) fail(validationFailed({ file: '没有收到文件（字段名 file）' }));
    });
    bb.on('error', fail);
    req.on('aborted', () => fail(validationFailed({ file: '上传中断，请重试' })));
    req.pipe(bb);
  });
}
