import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | null;
}

/**
 * A local stand-in for WeChat's token and subscribeMessage.send endpoints: records every request
 * and answers send with the scripted errcodes (then 0). Tokens are tok-1, tok-2… per request.
 */
export class FakeWechat {
  readonly seen: Seen[] = [];
  /** errcodes the next sends answer with, in order; then 0. */
  readonly sendScript: number[] = [];
  private server: Server | null = null;
  private tokens = 0;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x');
        const seen: Seen = {
          method: req.method ?? '',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          body: raw ? (JSON.parse(raw) as Record<string, unknown>) : null,
        };
        this.seen.push(seen);
        res.setHeader('content-type', 'application/json');
        if (url.pathname === '/cgi-bin/token') {
          this.tokens++;
          res.end(JSON.stringify({ access_token: `tok-${this.tokens}`, expires_in: 7200 }));
        } else if (url.pathname === '/cgi-bin/message/subscribe/send') {
          const code = this.sendScript.shift() ?? 0;
          res.end(JSON.stringify({ errcode: code, errmsg: code === 0 ? 'ok' : `err ${code}` }));
        } else {
          res.statusCode = 404;
          res.end('{}');
        }
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  sends(): Seen[] {
    return this.seen.filter((s) => s.path === '/cgi-bin/message/subscribe/send');
  }

  tokenRequests(): Seen[] {
    return this.seen.filter((s) => s.path === '/cgi-bin/token');
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

export const wechatEnv = (base: string): Record<string, string> => ({
  WECHAT_APPID: 'wxTestApp0001',
  WECHAT_SECRET: 'test-secret-0001',
  WECHAT_API_BASE: base,
  PUBLIC_BASE_URL: 'https://studio.example.com',
  WECHAT_TEMPLATE_DEADLINE: 'tmplDeadline0001',
  WECHAT_TEMPLATE_ACTIVITY: 'tmplActivity0001',
});
