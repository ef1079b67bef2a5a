import type { Readable } from 'node:stream';

/**
 * The storage port: immutable blobs under keys the service derives from their SHA-256
 * (`blobs/ab/<sha>`, `thumbs/ab/<sha>.jpg`). Two adapters: LocalDiskStorage (default, quick
 * start, one server process) and S3Storage (Tencent COS, Alibaba OSS, MinIO: any S3 API, for
 * production and several server processes).
 */
export interface BlobStorage {
  readonly kind: 'local' | 's3';
  /** Stores the file at `path` (a finished temp file of `size` bytes) under `key`; idempotent. */
  putFile(key: string, path: string, size: number, contentType: string): Promise<void>;
  putBuffer(key: string, body: Buffer, contentType: string): Promise<void>;
  has(key: string): Promise<boolean>;
  /** The blob as a stream; null when absent. */
  open(key: string): Promise<Readable | null>;
  remove(key: string): Promise<void>;
  /**
   * Every object under `prefix` (`blobs/`, `thumbs/`) with its last write, for the blob collector.
   * The local disk also lists the temp files (`….part`) a crash left behind.
   */
  list(prefix: string): AsyncIterable<StoredObject>;
}

export interface StoredObject {
  key: string;
  modifiedAt: Date;
}

export const BLOB_STORAGE = Symbol('BLOB_STORAGE');

export const blobKey = (sha256: string): string => `blobs/${sha256.slice(0, 2)}/${sha256}`;
export const thumbKey = (sha256: string): string => `thumbs/${sha256.slice(0, 2)}/${sha256}.jpg`;

/** The SHA-256 a blob or thumbnail key is stored under; null for anything else (a temp file). */
export const shaOfKey = (key: string): string | null =>
  /^(?:blobs|thumbs)\/[0-9a-f]{2}\/([0-9a-f]{64})(?:\.jpg)?$/.exec(key)?.[1] ?? null;

/** A temp file of a write that never finished (LocalDiskStorage). */
export const isPartKey = (key: string): boolean => /\.part$/.test(key);
