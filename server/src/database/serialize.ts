import type { DataSource } from 'typeorm';

/** Per data source: the tail of the queue of each key. */
const queues = new WeakMap<DataSource, Map<string, Promise<unknown>>>();

/**
 * sql.js has one shared connection and no isolation between requests, so work that relies on
 * the database to decide between concurrent requests (a unique key, a conditional UPDATE) runs
 * one at a time per `key` there. On MySQL/MariaDB `fn` just runs: the database decides.
 */
export async function serializeOnSqljs<T>(
  db: DataSource,
  key: string,
  fn: () => Promise<T>,
): Promise<T> {
  if (db.options.type !== 'sqljs') return fn();
  let inFlight = queues.get(db);
  if (!inFlight) queues.set(db, (inFlight = new Map()));
  const before = inFlight.get(key) ?? Promise.resolve();
  const mine = before.then(fn, fn);
  const tail = mine.catch(() => undefined);
  inFlight.set(key, tail);
  try {
    return await mine;
  } finally {
    if (inFlight.get(key) === tail) inFlight.delete(key);
  }
}
