import type { IncomingMessage, ServerResponse } from 'node:http';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AppConfig } from '../config/config';

/**
 * Check-in links: the leader's QR encodes `<public base>/c/<6-digit short code>`, so any camera
 * can use it. WeChat's scanner opens the mini program's check-in page through the console rule
 * "扫普通链接二维码打开小程序" with the prefix `<public base>/c/` (the page reads the URL from the
 * `q` launch option); a phone browser gets here and is redirected to the H5 check-in page with
 * the code filled in. The link carries the short code, not the signed token: it is shorter (a
 * coarser QR that scans from across a room), and the short code is matched only against
 * activities whose check-in is open, so a link stops working the moment check-in closes as well
 * as when its window rotates (the token is honoured for its two windows even after a close).
 */
export const CHECKIN_LINK_PATH = '/c/';

/** The H5 check-in page; the app uses the hash router, so the route is in the fragment. */
export const H5_CHECKIN_PAGE = '/#/pages/apprentice/checkin/index';

export function checkinLink(base: string, shortCode: string): string {
  return `${base}${CHECKIN_LINK_PATH}${shortCode}`;
}

/** A Host header we are willing to echo into a link (development only, see requestOrigin). */
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The origin a request reached us at, for links built without PUBLIC_BASE_URL (development: a
 * phone on the LAN that opened http://192.168.1.5:3000 gets links to that same address).
 */
export function requestOrigin(
  protocol: string | undefined,
  host: string | string[] | undefined,
): string {
  const h = typeof host === 'string' && HOST.test(host) ? host : 'localhost';
  return `${protocol === 'https' ? 'https' : 'http'}://${h}`;
}

/** The handler's parameter: the origin this request came in at (see requestOrigin). */
export const RequestOrigin = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const req = ctx
    .switchToHttp()
    .getRequest<{ protocol?: string; headers: Record<string, string | string[] | undefined> }>();
  return requestOrigin(req.protocol, req.headers.host);
});

/**
 * Answers, outside /api and before the H5 fallback: `GET /c/<6 digits>` with a redirect to the
 * H5 check-in page (the code is checked when the page submits it, not here), and the console's
 * verification file at the site root and under /c/ (the console asks for the directory of the
 * rule's last path segment; which one it checks has varied, so both answer).
 */
export function checkinLinks(config: Pick<AppConfig, 'wechat'>) {
  const verify = config.wechat.qrVerifyFile;
  const verifyPaths = verify ? [`/${verify.name}`, `${CHECKIN_LINK_PATH}${verify.name}`] : [];
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (verify && verifyPaths.includes(path)) {
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.setHeader('cache-control', 'no-cache');
      return void res.end(req.method === 'HEAD' ? undefined : verify.content);
    }
    const m = /^\/c\/(\d{6})\/?$/.exec(path);
    if (!m) return next();
    res.statusCode = 302;
    // The code rotates: no cache may keep this answer.
    res.setHeader('cache-control', 'no-store');
    res.setHeader('location', `${H5_CHECKIN_PAGE}?code=${m[1]}`);
    res.end();
  };
}
