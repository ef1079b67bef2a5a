import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_SECRET } from './test-app';
import { portFree } from './galera-host';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

/** A server replica: `node dist/main.js` as production runs it, on its own port and database URL. */
export interface Replica {
  port: number;
  base: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

async function waitHealthy(port: number, proc: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (proc.exitCode !== null) throw new Error(`server on ${port} exited with ${proc.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server on ${port} did not start within 90 s`);
}

export async function startReplica(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<Replica> {
  if (!existsSync(MAIN)) throw new Error('dist/main.js missing: run `pnpm build` first');
  // Below the Galera nodes' 20000–32000 (galera-host.ts) and the ephemeral range, and free.
  let port = 0;
  for (let i = 0; i < 50 && !port; i++) {
    const p = 10000 + Math.floor(Math.random() * 10000);
    if (await portFree(p)) port = p;
  }
  if (!port) throw new Error('no free port between 10000 and 20000 for a server replica');
  const proc = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: 'error',
      THROTTLE_CHECKIN_PER_MINUTE: '100000',
      DEMO_LOGIN: 'false',
      SEED_DEMO: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitHealthy(port, proc);
  return {
    port,
    base: `http://127.0.0.1:${port}/api`,
    proc,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

/** One HTTP call to a replica; network failures answer status 0 (a replica or node that is down). */
export async function call(
  base: string,
  method: string,
  path: string,
  token: string,
  body?: object,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  try {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: r.status, body: parsed };
  } catch {
    return { status: 0, body: null };
  }
}
