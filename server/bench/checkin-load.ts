/** Check-in load for checkin-ceiling.ts and scale.ts: server processes and autocannon runs. */
import { type ChildProcess, spawn } from 'node:child_process';
import autocannon from 'autocannon';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Starts `node …args` with the API's bench settings plus `env`; resolves on GET /api/health. */
export async function startNode(
  args: string[],
  port: number,
  env: Record<string, string>,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      LOG_REQUESTS: 'false',
      DEMO_LOGIN: 'false',
      SEED_DEMO: 'false',
      THROTTLE_CHECKIN_PER_MINUTE: '1000000',
      CHECKIN_ROTATE_SECONDS: '3600',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      /* starting */
    }
    if (i > 600 || child.exitCode !== null) {
      child.kill('SIGTERM');
      throw new Error(`${args.join(' ')} did not start`);
    }
    await sleep(100);
  }
}

/** SIGTERM, then waits for the exit (a CPU profile is written on exit). */
export async function stopNode(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(20_000)]);
}

export interface LoadResult {
  rps: number;
  p50: number;
  p97_5: number;
  non2xx: number;
  sent: number;
}

/** POST /api/checkins with a new (token, code) pair per request, for `seconds`. */
export async function checkinLoad(
  port: number,
  pairs: { token: string; code: string }[],
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  let i = 0;
  const r = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/checkins',
        setupRequest: (req) => {
          const p = pairs[i++ % pairs.length] as { token: string; code: string };
          return {
            ...req,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}` },
            body: JSON.stringify({ code: p.code }),
          };
        },
      },
    ],
  });
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    non2xx: r.non2xx,
    sent: i,
  };
}
