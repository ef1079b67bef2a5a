import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import compression from 'compression';
import expressStaticGzip from 'express-static-gzip';

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

/** For build output whose name carries a content hash: a name never gets other content. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** For index.html and anything unhashed: keep it, but ask (ETag / Last-Modified) before use. */
export const CACHE_REVALIDATE = 'no-cache';

/**
 * Webpack's hashed names in the H5 build: `js/app.3ca30311.js`, `css/app.3ca30311fb193e54cdd5.css`,
 * `static/images/logo.1a2b3c4d.png`. A hex run of 8+ before the extension; the build's
 * pre-compressed copies (`.br`, `.gz`) count as the file they copy.
 */
export function isHashedAsset(path: string): boolean {
  return /\.[0-9a-f]{8,32}\.(?:js|css|png|jpe?g|gif|svg|webp|ico|woff2?|ttf|eot)(?:\.br|\.gz)?$/i.test(
    path,
  );
}

/**
 * Serves the mini-app's H5 build at `/`: files through `express-static-gzip` over `serve-static`
 * (ETag, Last-Modified, ranges), which sends the build's pre-compressed `.br` / `.gz` copy when the
 * browser accepts it (mini/scripts/precompress.mjs writes them); files without one are
 * compressed on the fly by `compression`. index.html answers any other GET outside /api (SPA
 * fallback). Hashed assets are cached for a year; index.html is revalidated on every load, so a
 * new build reaches users at once. Paths are confined to the directory (fileUnder, and
 * serve-static's own checks); a malformed percent-encoding answers 400.
 */
export function staticSite(dir: string) {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`STATIC_DIR ${root} has no index.html`);
  const compress = compression();
  // The list of pre-compressed copies is read here, once: restart the server after a new build
  // (until then new files are still served, compressed on the fly).
  const files = expressStaticGzip(root, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: 'index.html',
    serveStatic: {
      index: ['index.html'],
      // A directory name (`/js`) falls through to the SPA fallback instead of a 301 to `/js/`.
      redirect: false,
      setHeaders: (res, path) =>
        res.setHeader('cache-control', isHashedAsset(path) ? CACHE_IMMUTABLE : CACHE_REVALIDATE),
    },
  }) as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  const index = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    // The static middleware reads req.url synchronously: point it at index.html for this call only.
    const url = req.url;
    req.url = '/index.html';
    files(req, res, next);
    req.url = url;
  };
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://x').pathname;
    } catch {
      pathname = '/';
    }
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      pathname === '/api' ||
      pathname.startsWith('/api/')
    )
      return next();
    let file: string | null;
    try {
      file = fileUnder(root, req.url ?? '/');
    } catch {
      res.statusCode = 400;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      return void res.end('请求路径无效');
    }
    compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => {
      if (file === null) return index(req, res, next);
      // What exists is answered; anything else (and serve-static's 4xx refusals) falls through.
      files(req, res, () => index(req, res, next));
    });
  };
}
