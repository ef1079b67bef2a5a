import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './support/test-app';

/** Raw requests: supertest would normalise the request target. */
function raw(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static site (STATIC_DIR) stays inside its directory', () => {
  let t: TestApp;
  let tmp: string;
  let port: number;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'ms-static-'));
    const h5 = join(tmp, 'site', 'h5');
    mkdirSync(join(h5, 'assets'), { recursive: true });
    writeFileSync(join(h5, 'index.html'), '<html>INDEX</html>');
    writeFileSync(join(h5, 'assets', 'app.js'), 'APP');
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
    expect(await raw(port, '/some/page')).toEqual({ status: 200, body: '<html>INDEX</html>' });
  });

  it('never answers a sibling file (absolute-form target, dot segments, encoded slashes)', async () => {
    for (const path of ['http://../../h5.env', 'http://x/../h5.env', '/../h5.env', '/..%2Fh5.env', '/%2e%2e%2fh5.env', '/..%2F..%2Fsite%2Fh5.env']) {
      const res = await raw(port, path);
      expect(res.body).not.toContain('SECRET');
    }
  });

  it('answers 400, not 500, to a malformed percent-encoding', async () => {
    const res = await raw(port, '/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.body).not.toContain('SECRET');
  });
});
