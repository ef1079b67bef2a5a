import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * What the Galera test cluster (galera-cluster.ts) needs from the machine: Debian's binaries and
 * provider, the `mysql` user, free ports and the nodes' logs.
 */
const BIN_DIRS = ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin'];
export const PROVIDER = '/usr/lib/galera/libgalera_smm.so';

export function need(path: string, what: string): string {
  if (!existsSync(path))
    throw new Error(`${path} not found: ${what}. Install with: apt-get install -y ${what}`);
  return path;
}

export function binary(name: string, pkg: string): string {
  for (const d of [...BIN_DIRS, ...(process.env.PATH ?? '').split(':')])
    if (d && existsSync(join(d, name))) return join(d, name);
  throw new Error(`${name} not found. Install with: apt-get install -y ${pkg}`);
}

/** uid and gid of Debian's `mysql` user, or null where there is none. */
export function mysqlIds(): { uid: number; gid: number } | null {
  try {
    const id = (flag: string): number =>
      Number(execFileSync('id', [flag, 'mysql'], { encoding: 'utf8' }).trim());
    const [uid, gid] = [id('-u'), id('-g')];
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null; // no such user
  }
}

/** True when nothing listens on 127.0.0.1:port (a listen there succeeds). */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/**
 * `count` blocks of 10 free ports each, below Linux's ephemeral range (32768–60999 by default):
 * a port in that range can be taken at any moment by an outgoing connection's local end, and a
 * joiner whose SST or IST port is taken waits for a transfer that never comes.
 */
export async function freePortBlocks(count: number): Promise<number[]> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 1200) * 10;
    const bases = Array.from({ length: count }, (_, i) => base + i * 10);
    const all = bases.flatMap((b) => [b, b + 1, b + 2, b + 3]);
    if ((await Promise.all(all.map(portFree))).every(Boolean)) return bases;
  }
  throw new Error('no free block of ports between 20000 and 32000 for the Galera nodes');
}

/** The last lines of a node's log that say what went wrong, for an error message. */
export function logTail(path: string, lines = 25): string {
  try {
    const all = readFileSync(path, 'utf8').trimEnd().split('\n');
    return all.slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
