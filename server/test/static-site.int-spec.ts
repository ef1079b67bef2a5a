import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from './support/test-app';

/** Raw requests: supertest would normalise the request target. */
function raw(port: number, path: string): Promise<{ status: number; body: string }> {
  return rawBytes(port, path).then(({ status, body }) => ({ status, body: body.toString('utf8') }));
}

/** The bytes as sent (no decompression), with the headers. */
function rawBytes(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

// Big enough to be worth compressing (compression's threshold is 1 KB), and compressible.
const APP_JS = `/* app */\n${'console.log("技能大师工作室助手");\n'.repeat(400)}`;
const INDEX = `<!DOCTYPE html><html lang="zh-CN"><head><title>技能大师工作室助手</title></head><body>${'<div></div>'.repeat(200)}INDEX</body></html>`;

describe('static site (STATIC_DIR) stays inside its directory', () => {
  let t: TestApp;
  let tmp: string;
  let port: number;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'ms-static-'));
    const h5 = join(tmp, 'site', 'h5');
    mkdirSync(join(h5, 'assets'), { recursive: true });
    writeFileSync(join(h5, 'index.html'), INDEX);
    writeFileSync(join(h5, 'assets', 'app.js'), 'APP');
    mkdirSync(join(h5, 'js'));
    writeFileSync(join(h5, 'js', 'app.3ca30311.js'), APP_JS);
    // A build's pre-compressed copies, made different from the file so a test can tell which was sent.
    writeFileSync(join(h5, 'js', 'pre.0123abcd.js'), APP_JS);
    writeFileSync(join(h5, 'js', 'pre.0123abcd.js.br'), brotliCompressSync('/* the .br copy */'));
    writeFileSync(join(h5, 'js', 'pre.0123abcd.js.gz'), gzipSync('/* the .gz copy */'));
    writeFileSync(join(tmp, 'site', 'h5.env'), 'SECRET=sibling');
    t = await startTestApp({ STATIC_DIR: h5 });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('serves its files and falls back to index.html', async () => {
    expect(await raw(port, '/assets/app.js')).toEqual({ status: 200, body: 'APP' });
    expect(await raw(port, '/some/page')).toEqual({ status: 200, body: INDEX });
    expect(await raw(port, '/')).toEqual({ status: 200, body: INDEX });
    expect(await raw(port, '/js')).toEqual({ status: 200, body: INDEX });
  });

  it('never answers a sibling file (absolute-form target, dot segments, encoded slashes)', async () => {
    for (const path of [
      'http://../../h5.env',
      'http://x/../h5.env',
      '/../h5.env',
      '/..%2Fh5.env',
      '/%2e%2e%2fh5.env',
      '/..%2F..%2Fsite%2Fh5.env',
    ]) {
      const res = await raw(port, path);
      expect(res.body).not.toContain('SECRET');
    }
  });

  it('answers 400, not 500, to a malformed percent-encoding', async () => {
    const res = await raw(port, '/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.body).not.toContain('SECRET');
  });

  it('sends JS and HTML compressed with brotli or gzip, as the browser asks', async () => {
    const br = await rawBytes(port, '/js/app.3ca30311.js', {
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(APP_JS) / 10);
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(APP_JS);
    const gz = await rawBytes(port, '/js/app.3ca30311.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(APP_JS);
    const html = await rawBytes(port, '/some/page', { 'accept-encoding': 'gzip' });
    expect(html.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(html.body).toString('utf8')).toBe(INDEX);
    const plain = await rawBytes(port, '/js/app.3ca30311.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(APP_JS);
  });

  it("sends the build's pre-compressed copy when there is one, typed and cached as the file", async () => {
    const br = await rawBytes(port, '/js/pre.0123abcd.js', {
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe('/* the .br copy */');
    expect(br.headers['content-type']).toMatch(/^(application|text)\/javascript; charset=utf-8$/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await rawBytes(port, '/js/pre.0123abcd.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe('/* the .gz copy */');
    expect((await raw(port, '/js/pre.0123abcd.js')).body).toBe(APP_JS);
  });

  it('caches hashed assets for a year and makes index.html revalidate', async () => {
    const js = await rawBytes(port, '/js/app.3ca30311.js');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    for (const path of ['/', '/index.html', '/some/page', '/assets/app.js']) {
      expect((await rawBytes(port, path)).headers['cache-control']).toBe('no-cache');
    }
    // Revalidation costs a 304 and no body.
    const first = await rawBytes(port, '/', { 'accept-encoding': 'gzip' });
    expect(first.headers.etag).toBeTruthy();
    const again = await rawBytes(port, '/', {
      'accept-encoding': 'gzip',
      'if-none-match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('leaves /api alone: no static answer, no fallback', async () => {
    const api = await rawBytes(port, '/api/health', { 'accept-encoding': 'gzip' });
    expect(api.headers['content-type']).toMatch(/json/);
    expect(api.headers['cache-control']).toBeUndefined();
    expect((await raw(port, '/api/nothing-here')).status).toBe(404);
  });

  it('answers HEAD without a body', async () => {
    const head = await rawBytes(port, '/js/app.3ca30311.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });
});
