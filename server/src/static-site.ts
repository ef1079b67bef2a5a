import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * The file under `root` a request path names, or null when it would leave `root`. The path is
 * the URL's pathname (an absolute-form target like `http://../../x` is parsed, not joined),
 * percent-decoded, and the result must be `root` itself or lie below `root + sep`.
 * Throws URIError on a malformed percent-encoding.
 */
export function fileUnder(root: string, reqUrl: string): string | null {
  const pathname = new URL(reqUrl, 'http://x').pathname;
  const file = resolve(root, `.${sep}${decodeURIComponent(pathname).replace(/^[/\\]+/, '')}`);
  return file === root || file.startsWith(root + sep) ? file : null;
}

/**
 * Serves the mini-app's H5 build at `/`: files as they are, and index.html for any other
 * GET outside /api (SPA fallback). Paths are confined to the directory (fileUnder);
 * a malformed percent-encoding answers 400.
 */
export function staticSite(dir: string) {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`STATIC_DIR ${root} has no index.html`);
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://x').pathname;
    } catch {
      pathname = '/';
    }
    if ((req.method !== 'GET' && req.method !== 'HEAD') || pathname === '/api' || pathname.startsWith('/api/')) return next();
    let file: string | null;
    try {
      file = fileUnder(root, req.url ?? '/');
    } catch {
      res.statusCode = 400;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      return void res.end('请求路径无效');
    }
    if (file === null || !existsSync(file) || !statSync(file).isFile()) file = join(root, 'index.html');
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  };
}
