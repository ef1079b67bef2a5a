import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkinLink, checkinLinks, H5_CHECKIN_PAGE, requestOrigin } from './checkin-link';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** The middleware on a real HTTP server; `next` answers 404 "NEXT" so a pass-through is visible. */
function serve(
  verify: { name: string; content: string } | null,
): Promise<{ server: Server; get: (path: string, method?: string) => Promise<Answer> }> {
  const handler = checkinLinks({
    wechat: {
      apiBase: 'https://api.weixin.qq.com',
      appId: null,
      secret: null,
      qrVerifyFile: verify,
    },
  });
  const server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('NEXT');
    }),
  );
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const get = (path: string, method = 'GET') =>
        new Promise<Answer>((done, fail) => {
          const req = httpRequest({ host: '127.0.0.1', port, path, method }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (body += c));
            res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
          });
          req.on('error', fail);
          req.end();
        });
      resolve({ server, get });
    }),
  );
}

describe('checkinLink', () => {
  it('puts the short code under /c/ of the public base', () => {
    expect(checkinLink('https://studio.example.com', '048213')).toBe(
      'https://studio.example.com/c/048213',
    );
  });
});

describe('requestOrigin', () => {
  it('echoes a plain host and port, with the request protocol', () => {
    expect(requestOrigin('http', '192.168.1.5:3000')).toBe('http://192.168.1.5:3000');
    expect(requestOrigin('https', 'studio.example.com')).toBe('https://studio.example.com');
    expect(requestOrigin('http', '[::1]:3000')).toBe('http://[::1]:3000');
  });
  it('never echoes a host with a path, credentials or spaces into a link', () => {
    for (const bad of ['evil.example/x', 'u@evil.example', 'a b', '', undefined, ['a', 'b']]) {
      expect(requestOrigin('http', bad)).toBe('http://localhost');
    }
    expect(requestOrigin('gopher', 'studio.example.com')).toBe('http://studio.example.com');
  });
});

describe('checkinLinks', () => {
  const verify = { name: 'AbC123xYz.txt', content: '0123456789abcdef0123456789abcdef' };
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    s = await serve(verify);
  });
  afterAll(() => new Promise<void>((done) => s.server.close(() => done())));

  describe('GET /c/<code>', () => {
    it('redirects to the H5 check-in page with the code, never cached', async () => {
      const r = await s.get('/c/048213');
      expect(r.status).toBe(302);
      expect(r.headers.location).toBe(`${H5_CHECKIN_PAGE}?code=048213`);
      expect(r.headers['cache-control']).toBe('no-store');
      expect((await s.get('/c/048213/?scancode_time=1')).headers.location).toBe(
        `${H5_CHECKIN_PAGE}?code=048213`,
      );
    });
    it('passes anything but six digits on', async () => {
      for (const path of [
        '/c/04821',
        '/c/0482133',
        '/c/abcdef',
        '/c/',
        '/c/048213/x',
        '/x/c/048213',
      ]) {
        expect((await s.get(path)).body).toBe('NEXT');
      }
      expect((await s.get('/c/048213', 'POST')).body).toBe('NEXT');
    });
  });

  describe('the verification file', () => {
    it('answers its content at the root and under /c/', async () => {
      for (const path of ['/AbC123xYz.txt', '/c/AbC123xYz.txt']) {
        const r = await s.get(path);
        expect(r.status).toBe(200);
        expect(r.body).toBe(verify.content);
        expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
      }
      expect((await s.get('/other.txt')).body).toBe('NEXT');
    });
    it('is not served when none is configured', async () => {
      const bare = await serve(null);
      try {
        expect((await bare.get('/AbC123xYz.txt')).body).toBe('NEXT');
      } finally {
        await new Promise<void>((done) => bare.server.close(() => done()));
      }
    });
  });
});
