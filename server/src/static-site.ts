import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

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
 * Serves the mini-app's H5 build at `/`: files as they are, and index.html for any other
 * GET outside /api (SPA fallback). Paths are confined to the directory.
 */
export function staticSite(dir: string) {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`STATIC_DIR ${root} has no index.html`);
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const url = (req.url ?? '/').split('?')[0] ?? '/';
    if ((req.method !== 'GET' && req.method !== 'HEAD') || url === '/api' || url.startsWith('/api/')) return next();
    let file = join(root, normalize(decodeURIComponent(url)).replace(/^([/\\])+/, ''));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) file = join(root, 'index.html');
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  };
}
