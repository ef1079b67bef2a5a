import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { PROVIDER, binary, freePortBlocks, logTail, mysqlIds, need } from './galera-host';

/**
 * A three-node MariaDB Galera cluster on loopback, for the scale-out suite (issue 16) and for a
 * developer (`pnpm --filter @master-studio/server galera`). Debian's `mariadb-server` and
 * `galera-4` provide mariadbd and /usr/lib/galera/libgalera_smm.so; state transfer uses rsync.
 * Each node has its own data directory, SQL port, Galera port, IST port and SST port. Node 0
 * bootstraps the cluster (--wsrep-new-cluster); the others start from a copy of its data
 * directory and join one at a time with nothing to transfer. A node that is stopped and started
 * again rejoins (IST from the gcache, or SST). Ports, binaries and logs: galera-host.ts. A
 * killed node is declared gone after 2–4 s (evs timeouts shortened from Galera's 5/15 s), so
 * the survivors resume commits sooner.
 */
export interface GaleraNode {
  index: number;
  port: number;
  url(database: string): string;
  running(): boolean;
}

export interface GaleraCluster {
  nodes: GaleraNode[];
  /** Creates a database (replicated to every node) and answers each node's URL for it. */
  createDatabase(name: string): Promise<string[]>;
  /** wsrep status of one node: cluster size and local state ('Synced', 'Donor/Desynced', …). */
  status(index: number): Promise<{ size: number; state: string; ready: boolean }>;
  /** SIGKILL (a crash) or SIGTERM (clean stop) of one node; resolves when it has exited. */
  stop(index: number, signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>;
  /** Starts a stopped node again; resolves when it is back in the cluster and Synced. */
  start(index: number): Promise<void>;
  destroy(): Promise<void>;
  dir: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startGaleraCluster(
  opts: { size?: number; log?: (s: string) => void } = {},
): Promise<GaleraCluster> {
  const size = opts.size ?? 3;
  const log = opts.log ?? (() => undefined);
  const mariadbd = binary('mariadbd', 'mariadb-server');
  const installDb = binary('mariadb-install-db', 'mariadb-server');
  binary('rsync', 'rsync');
  need(PROVIDER, 'galera-4');
  const dir = mkdtempSync(join(tmpdir(), 'ms-galera-'));
  // As root, the nodes run as Debian's `mysql` user: rsync's SST daemon drops root to `nobody`,
  // who could not write the joiner's data directory.
  const asMysql = userInfo().uid === 0 && mysqlIds() !== null;
  const user = asMysql ? 'mysql' : userInfo().username;
  const own = (path: string): void => {
    const ids = asMysql ? mysqlIds() : null;
    if (ids) chownSync(path, ids.uid, ids.gid);
  };
  chmodSync(dir, 0o755);
  // Ports: a free block of 10 per node, above the shared services and below the ephemeral range.
  const ports = (await freePortBlocks(size)).map((b) => ({
    sql: b,
    galera: b + 1,
    ist: b + 2,
    sst: b + 3,
  }));
  // A name of its own, so a node left over from another run can never join this cluster.
  const clusterName = `ms-test-${process.pid}-${ports[0]!.sql}`;
  const address = `gcomm://${ports.map((p) => `127.0.0.1:${p.galera}`).join(',')}`;
  const procs: (ChildProcess | null)[] = ports.map(() => null);
  // Whatever else happens, no node outlives the process that started it.
  process.once('exit', () => {
    for (const p of procs) if (p && p.exitCode === null) p.kill('SIGKILL');
  });

  // Only node 0's data directory is initialised; after the cluster's first start it is copied to
  // the others (below), so they join with the same state and need no full state transfer.
  // Each node has a tmpdir of its own: mariadbd deletes every `#sql*` file in its tmpdir when it
  // starts, and in the shared /tmp those are the live temporary tables of the machine's MariaDB.
  for (let i = 0; i < size; i++) {
    mkdirSync(join(dir, `node${i}`, 'tmp'), { recursive: true });
    own(join(dir, `node${i}`));
    own(join(dir, `node${i}`, 'tmp'));
  }
  const datadir0 = join(dir, 'node0', 'data');
  mkdirSync(datadir0);
  own(datadir0);
  execFileSync(
    installDb,
    [
      '--no-defaults',
      `--datadir=${datadir0}`,
      `--tmpdir=${join(dir, 'node0', 'tmp')}`,
      `--user=${user}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ],
    { stdio: 'ignore' },
  );

  const connect = (i: number, timeout = 1000) =>
    createConnection({
      host: '127.0.0.1',
      port: ports[i]!.sql,
      user: 'root',
      connectTimeout: timeout,
    });

  const status = async (i: number): Promise<{ size: number; state: string; ready: boolean }> => {
    const c = await connect(i);
    try {
      const [rows] = await c.query(
        "SHOW STATUS WHERE Variable_name IN ('wsrep_cluster_size','wsrep_local_state_comment','wsrep_ready')",
      );
      const v = Object.fromEntries(
        (rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]),
      );
      return {
        size: Number(v.wsrep_cluster_size ?? 0),
        state: v.wsrep_local_state_comment ?? '',
        ready: v.wsrep_ready === 'ON',
      };
    } finally {
      await c.end();
    }
  };

  const launch = async (i: number, bootstrap: boolean, waitMs = 120_000): Promise<void> => {
    const p = ports[i]!;
    const home = join(dir, `node${i}`);
    const out = openSync(join(home, 'mariadbd.log'), 'a');
    own(join(home, 'mariadbd.log'));
    const proc = spawn(
      mariadbd,
      [
        '--no-defaults',
        `--datadir=${join(home, 'data')}`,
        `--tmpdir=${join(home, 'tmp')}`,
        `--port=${p.sql}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(home, 'sock')}`,
        `--pid-file=${join(home, 'pid')}`,
        `--user=${user}`,
        '--skip-grant-tables',
        '--skip-name-resolve',
        '--innodb-buffer-pool-size=64M',
        '--max-connections=500',
        '--binlog-format=ROW',
        '--default-storage-engine=InnoDB',
        '--innodb-autoinc-lock-mode=2',
        '--wsrep-on=ON',
        `--wsrep-provider=${PROVIDER}`,
        `--wsrep-cluster-address=${address}`,
        `--wsrep-cluster-name=${clusterName}`,
        `--wsrep-node-name=node${i}`,
        `--wsrep-node-address=127.0.0.1:${p.galera}`,
        '--wsrep-sst-method=rsync',
        // Reads wait until the node has applied what the cluster committed before them, so a
        // replica reads its own writes made through another node (causal reads).
        '--wsrep-sync-wait=1',
        `--wsrep-sst-receive-address=127.0.0.1:${p.sst}`,
        `--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:${p.galera};ist.recv_addr=127.0.0.1:${p.ist};gcache.size=64M;evs.keepalive_period=PT0.5S;evs.inactive_check_period=PT0.5S;evs.suspect_timeout=PT2S;evs.inactive_timeout=PT4S`,
        ...(bootstrap ? ['--wsrep-new-cluster'] : []),
      ],
      { stdio: ['ignore', out, out] },
    );
    procs[i] = proc;
    const logPath = join(home, 'mariadbd.log');
    const until = Date.now() + waitMs;
    while (Date.now() < until) {
      if (proc.exitCode !== null)
        throw new Error(
          `Galera node ${i} exited with ${proc.exitCode}; see ${logPath}; it ended:\n${logTail(logPath)}`,
        );
      try {
        const s = await status(i);
        if (s.ready && s.state === 'Synced') {
          log(`galera node ${i} on ${p.sql}: Synced, cluster size ${s.size}`);
          return;
        }
      } catch {
        // not answering yet (SST in progress)
      }
      await sleep(100);
    }
    throw new Error(
      `Galera node ${i} was not Synced within ${waitMs / 1000} s; see ${logPath}; it ended:\n${logTail(logPath)}`,
    );
  };

  /** A joiner that is not Synced in time is killed and started once more (it then receives IST or SST). */
  const join1 = async (i: number): Promise<void> => {
    try {
      await launch(i, false, 90_000);
    } catch (e) {
      log(
        `galera node ${i} did not join (${(e as Error).message.split('\n')[0]}); starting it again`,
      );
      await stopNode(i, 'SIGKILL');
      await launch(i, false, 150_000);
    }
  };

  // Node 0 forms the cluster once and stops cleanly, so its grastate.dat names the cluster's
  // state; every node starts from a copy of that directory, node 0 bootstraps again and the
  // others join with nothing to transfer (a full rsync SST per node takes ~35 s here).
  // Joiners start one at a time: two at once both ask node 0 for a state transfer, and the second
  // waits on the first. If anything fails, every node started so far is killed before the error
  // goes up, so a failed start never leaves mariadbd processes that keep the test runner alive.
  try {
    await launch(0, true);
    await stopNode(0, 'SIGTERM');
    for (let i = 1; i < size; i++)
      execFileSync('cp', ['-a', datadir0, join(dir, `node${i}`, 'data')]);
    await launch(0, true);
    for (let i = 1; i < size; i++) await join1(i);
  } catch (e) {
    for (let i = size - 1; i >= 0; i--) await stopNode(i, 'SIGKILL');
    throw e;
  }

  async function stopNode(i: number, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const proc = procs[i];
    procs[i] = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill(signal);
    });
    log(`galera node ${i} stopped (${signal})`);
  }

  const cluster: GaleraCluster = {
    dir,
    nodes: ports.map((p, i) => ({
      index: i,
      port: p.sql,
      url: (database: string) => `mysql://root@127.0.0.1:${p.sql}/${database}`,
      running: () => {
        const proc = procs[i];
        return !!proc && proc.exitCode === null && proc.signalCode === null;
      },
    })),
    status,
    async createDatabase(name: string): Promise<string[]> {
      const live = cluster.nodes.find((n) => n.running());
      if (!live) throw new Error('no Galera node is running');
      const c = await connect(live.index);
      await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await c.end();
      return cluster.nodes.map((n) => n.url(name));
    },
    stop: (i: number, signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL') => stopNode(i, signal),
    async start(i: number): Promise<void> {
      if (cluster.nodes[i]?.running()) return;
      await launch(i, false);
    },
    async destroy(): Promise<void> {
      for (let i = procs.length - 1; i >= 0; i--) await cluster.stop(i, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
