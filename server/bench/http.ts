/** Timing helpers for the bench: latency percentiles and keep-alive GETs against the API. */
import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** n requests at the given concurrency; exact p50/p95 in ms. */
export async function latency(
  fn: () => Promise<void>,
  n: number,
  concurrency: number,
): Promise<{ p50: number; p95: number; rps: number }> {
  const times: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next++;
        const t0 = performance.now();
        await fn();
        times.push(performance.now() - t0);
      }
    }),
  );
  const wall = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  return {
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    rps: Math.round(n / wall),
  };
}
export const round = (x: number): number => Math.round(x * 10) / 10;

const agent = new Agent({ keepAlive: true, maxSockets: 64 });
export function get(BASE: string, path: string, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${BASE}${path}`,
      { agent, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`${path}: ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The body of one GET, in bytes (the server sends no compression). */
export function bodyBytes(BASE: string, path: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${BASE}${path}`,
      { agent, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.on('end', () =>
          res.statusCode === 200 ? resolve(n) : reject(new Error(`${path}: ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Closes the keep-alive sockets so the process can exit. */
export function closeAgent(): void {
  agent.destroy();
}

/**
 * Starts the built API (`dist/main.js`) on `port` against `databaseUrl` and resolves once it
 * answers /api/health; `env` adds settings (throttles, rotation). Output goes to this terminal.
 */
export async function startApi(
  main: string,
  databaseUrl: string,
  port: number,
  secret: string,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const server = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      JWT_SECRET: secret,
      LOG_LEVEL: 'warn',
      LOG_REQUESTS: 'false',
      DEMO_LOGIN: 'false',
      SEED_DEMO: 'false',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return server;
    } catch {
      /* starting */
    }
    if (i > 200 || server.exitCode !== null) {
      server.kill('SIGTERM');
      throw new Error('server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
