import type { DataSource } from 'typeorm';
import { DbLease } from '../common/lease/db-lease';

/**
 * One blob's bytes are written (an upload that stores or relies on them) or removed (no row
 * refers to them any more) by one process at a time, across server replicas and database nodes.
 *
 * A row lock cannot do this on a multi-writer Galera cluster: `FOR UPDATE` and gap locks hold only
 * on the node that took them. A lease row can (DbLease: a conditional UPDATE, which Galera
 * certifies against the same row's writes on every node, so two nodes never both take it). So an
 * upload holds `blob:<sha>` from "are the bytes there?" until its row has committed, and a
 * removal holds it from "does any row refer to them?" until the bytes are gone: either the upload's
 * row is committed before the removal looks (and the bytes stay), or the removal is over before
 * the upload looks (and the upload stores them again).
 */
const LEASE_MS = 300_000;

/** The lease's name: 128 bits of the SHA-256 are plenty, and fit the 40-character name. */
export const blobLeaseName = (sha: string): string => `blob:${sha.slice(0, 32)}`;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `work` holding the blob's lease, waiting up to `waitMs` for it (0: one try). Answers
 * `{ ran: false }` when another process held it all that time.
 */
export async function withBlobLease<T>(
  db: DataSource,
  sha: string,
  waitMs: number,
  work: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const lease = new DbLease(db);
  const name = blobLeaseName(sha);
  const until = Date.now() + waitMs;
  for (;;) {
    let got = false;
    try {
      got = await lease.acquire(name, LEASE_MS, new Date());
    } catch {
      // Two nodes creating or taking the row at once: Galera refuses one at commit. Try again.
    }
    if (got) break;
    if (Date.now() >= until) return { ran: false };
    await sleep(50 + Math.random() * 100);
  }
  try {
    return { ran: true, value: await work() };
  } finally {
    // Dropped, not kept: one row per blob would pile up; the next user creates it again.
    await lease.drop(name).catch(() => undefined);
  }
}
