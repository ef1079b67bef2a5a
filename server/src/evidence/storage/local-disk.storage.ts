import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { BlobStorage } from './blob-storage';

/**
 * Blobs as files under one directory (EVIDENCE_DIR, default data/evidence). Writes land in a
 * temp name and are renamed into place, so a reader never sees half a file.
 */
export class LocalDiskStorage implements BlobStorage {
  readonly kind = 'local' as const;
  private readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  private path(key: string): string {
    if (!/^[a-z]+\/[0-9a-f]{2}\/[0-9a-f]{64}(\.jpg)?$/.test(key)) throw new Error(`bad key ${key}`);
    return join(this.root, key);
  }

  async putFile(key: string, path: string): Promise<void> {
    const to = this.path(key);
    if (await this.has(key)) return;
    await mkdir(dirname(to), { recursive: true });
    const tmp = `${to}.${process.pid}.${Date.now()}.part`;
    // copy, not rename: the upload's temp dir may sit on another file system.
    await copyFile(path, tmp);
    await rename(tmp, to);
  }

  async putBuffer(key: string, body: Buffer): Promise<void> {
    const to = this.path(key);
    await mkdir(dirname(to), { recursive: true });
    const tmp = `${to}.${process.pid}.${Date.now()}.part`;
    await writeFile(tmp, body);
    await rename(tmp, to);
  }

  async has(key: string): Promise<boolean> {
    try {
      return (await stat(this.path(key))).isFile();
    } catch {
      return false;
    }
  }

  async open(key: string): Promise<Readable | null> {
    return (await this.has(key)) ? createReadStream(this.path(key)) : null;
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
