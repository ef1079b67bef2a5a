/** Timing helpers for the bench: latency percentiles and keep-alive GETs against the API. */
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
