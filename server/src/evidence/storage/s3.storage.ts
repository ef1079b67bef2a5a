import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { AwsClient } from 'aws4fetch';
import type { StorageConfig } from '../evidence-config';
import type { BlobStorage, StoredObject } from './blob-storage';

type S3Config = Extract<StorageConfig, { kind: 's3' }>;

/**
 * Blobs in an S3 bucket through the plain S3 REST API, path-style
 * (`<endpoint>/<bucket>/<key>`), signed with AWS Signature V4 by aws4fetch over Node's fetch.
 * Tencent COS, Alibaba OSS and MinIO accept it. Uploads stream from the temp file with a known
 * Content-Length (UNSIGNED-PAYLOAD), so a 20 MB PDF is never held in memory.
 * Tested against s3rver (a real S3-compatible HTTP server from npm) in test/evidence-s3.int-spec.ts.
 */
export class S3Storage implements BlobStorage {
  readonly kind = 's3' as const;
  private readonly client: AwsClient;

  constructor(private readonly cfg: S3Config) {
    this.client = new AwsClient({
      accessKeyId: cfg.accessKeyId,
      secretAccessKey: cfg.secretAccessKey,
      region: cfg.region,
      service: 's3',
    });
  }

  private url(key: string): string {
    return `${this.cfg.endpoint}/${encodeURIComponent(this.cfg.bucket)}/${key}`;
  }

  private async send(
    key: string,
    init: RequestInit & { duplex?: 'half' },
    ok: number[],
  ): Promise<Response> {
    const res = await this.client.fetch(this.url(key), init);
    if (!ok.includes(res.status)) {
      const text = await res.text().catch(() => '');
      throw new Error(`S3 ${init.method ?? 'GET'} ${key}: ${res.status} ${text.slice(0, 200)}`);
    }
    return res;
  }

  async putFile(key: string, path: string, size: number, contentType: string): Promise<void> {
    if (await this.has(key)) return;
    const res = await this.send(
      key,
      {
        method: 'PUT',
        body: Readable.toWeb(createReadStream(path)) as ReadableStream,
        duplex: 'half',
        headers: {
          'content-type': contentType,
          'content-length': String(size),
          'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
        },
      },
      [200, 201],
    );
    await res.body?.cancel();
  }

  async putBuffer(key: string, body: Buffer, contentType: string): Promise<void> {
    const res = await this.send(
      key,
      { method: 'PUT', body, headers: { 'content-type': contentType } },
      [200, 201],
    );
    await res.body?.cancel();
  }

  async has(key: string): Promise<boolean> {
    const res = await this.send(key, { method: 'HEAD' }, [200, 404]);
    return res.status === 200;
  }

  async open(key: string): Promise<Readable | null> {
    const res = await this.send(key, { method: 'GET' }, [200, 404]);
    if (res.status === 404 || !res.body) {
      await res.body?.cancel();
      return null;
    }
    return Readable.fromWeb(res.body as import('node:stream/web').ReadableStream);
  }

  async remove(key: string): Promise<void> {
    const res = await this.send(key, { method: 'DELETE' }, [200, 204, 404]);
    await res.body?.cancel();
  }

  /**
   * ListObjects (version 1, which every S3 API speaks), `pageSize` keys a page, each page
   * starting after the last key of the one before (`marker`). Not V2: s3rver makes its V2
   * continuation tokens with DES, which Node 20's OpenSSL 3 refuses.
   */
  async *list(prefix: string, pageSize = 1000): AsyncIterable<StoredObject> {
    let marker = '';
    for (;;) {
      const q = new URLSearchParams({ prefix, 'max-keys': String(pageSize) });
      if (marker) q.set('marker', marker);
      const url = `${this.cfg.endpoint}/${encodeURIComponent(this.cfg.bucket)}?${q.toString()}`;
      const res = await this.client.fetch(url, { method: 'GET' });
      const xml = await res.text();
      if (res.status !== 200)
        throw new Error(`S3 LIST ${prefix}: ${res.status} ${xml.slice(0, 200)}`);
      let last = '';
      for (const [, body] of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
        const key = xmlText(body!, 'Key');
        const modified = xmlText(body!, 'LastModified');
        if (!key) continue;
        last = key;
        if (modified) yield { key, modifiedAt: new Date(modified) };
      }
      if (xmlText(xml, 'IsTruncated') !== 'true' || !last || last === marker) return;
      marker = last;
    }
  }
}

/** The text of the first `<tag>` in a ListObjects answer, entities decoded. */
function xmlText(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  if (!m) return null;
  return m[1]!
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
