import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import type { BlobStorage, StoredObject } from './blob-storage';

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
    // A blob or thumbnail, or the temp file of one (`<key>.<pid>.<ms>.part`) for the collector.
    if (!/^[a-z]+\/[0-9a-f]{2}\/[0-9a-f]{64}(\.jpg)?(\.\d+\.\d+\.part)?$/.test(key))
      throw new Error(`bad key ${key}`);
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

  async *list(prefix: string): AsyncIterable<StoredObject> {
    const dir = join(this.root, prefix);
    let entries;
    try {
      entries = await readdir(dir, { recursive: true, withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const d of entries) {
      if (!d.isFile()) continue;
      const full = join(d.parentPath, d.name);
      const key = relative(this.root, full).split(sep).join('/');
      // Renamed or removed since the listing (a temp file that finished): nothing to collect.
      const st = await stat(full).catch(() => null);
      if (st) yield { key, modifiedAt: st.mtime };
    }
  }
}
