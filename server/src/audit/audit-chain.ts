import { createHash } from 'node:crypto';
import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { serializeOnSqljs } from '../database/serialize';
import { AuditEntry } from './audit-entry.entity';

/**
 * The audit log is one hash chain: every entry stores the SHA-256 of the entry before it
 * (`prev_hash`) and of its own content plus that (`hash`), and the one row of
 * `audit_chain_head` holds the last id and hash. Changing, deleting or inserting an entry
 * anywhere, or deleting the newest entries, breaks the chain at a named entry.
 *
 * Appends are serialized: the head row is read with SELECT … FOR UPDATE in the transaction of
 * the write being audited, so any number of server processes append one after another and the
 * chain never forks; the entry's id is the head's last id + 1. On sql.js (one process, one
 * connection) a promise queue does the same.
 */
export const GENESIS_HASH = '0'.repeat(64);
const HEAD_ID = 1;

/** What an entry's hash covers, in a fixed order. Bump the leading version to change it. */
export type HashedFields = Pick<
  AuditEntry,
  | 'id'
  | 'studioId'
  | 'accountId'
  | 'accountName'
  | 'recordType'
  | 'recordId'
  | 'action'
  | 'before'
  | 'after'
  | 'at'
  | 'ip'
  | 'prevHash'
>;

export function entryHash(e: HashedFields): string {
  const content = [
    'v1',
    e.id,
    e.studioId,
    e.accountId,
    e.accountName,
    e.recordType,
    e.recordId,
    e.action,
    e.before,
    e.after,
    new Date(e.at).toISOString(),
    e.ip,
    e.prevHash,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** Appends one entry in transaction `m`; `at` is whole seconds, as DATETIME stores it. */
export async function appendEntry(
  db: DataSource,
  m: EntityManager,
  entry: Omit<HashedFields, 'id' | 'prevHash'>,
): Promise<AuditEntry> {
  return serializeOnSqljs(db, 'audit-chain', async () => {
    const lock = db.options.type === 'mysql' ? ' FOR UPDATE' : '';
    const rows = (await m.query(
      `SELECT last_id, last_hash FROM audit_chain_head WHERE id = ?${lock}`,
      [HEAD_ID],
    )) as { last_id: number | string; last_hash: string }[];
    const head = rows[0];
    if (!head) throw new Error('audit_chain_head has no row: run the migrations');
    const row = { ...entry, id: Number(head.last_id) + 1, prevHash: head.last_hash };
    const chained = { ...row, hash: entryHash(row) } as AuditEntry;
    await m.insert(AuditEntry, chained);
    await m.query('UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = ?', [
      chained.id,
      chained.hash,
      HEAD_ID,
    ]);
    return chained;
  });
}

/**
 * Appends `entries` in transaction `m` in their order, as that many appendEntry calls would
 * (the same ids, prev hashes and hashes), with one lock of the head, multi-row INSERTs of 500
 * entries and one update of the head: an import audits thousands of records at once.
 */
export async function appendEntries(
  db: DataSource,
  m: EntityManager,
  entries: readonly Omit<HashedFields, 'id' | 'prevHash'>[],
): Promise<void> {
  if (entries.length === 0) return;
  await serializeOnSqljs(db, 'audit-chain', async () => {
    const lock = db.options.type === 'mysql' ? ' FOR UPDATE' : '';
    const rows = (await m.query(
      `SELECT last_id, last_hash FROM audit_chain_head WHERE id = ?${lock}`,
      [HEAD_ID],
    )) as { last_id: number | string; last_hash: string }[];
    const head = rows[0];
    if (!head) throw new Error('audit_chain_head has no row: run the migrations');
    let prev = { id: Number(head.last_id), hash: head.last_hash };
    const chained = entries.map((entry) => {
      const row = { ...entry, id: prev.id + 1, prevHash: prev.hash };
      const done = { ...row, hash: entryHash(row) } as AuditEntry;
      prev = { id: done.id, hash: done.hash };
      return done;
    });
    for (let i = 0; i < chained.length; i += 500)
      await m
        .createQueryBuilder()
        .insert()
        .into(AuditEntry)
        .values(chained.slice(i, i + 500))
        .updateEntity(false)
        .execute();
    await m.query('UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = ?', [
      prev.id,
      prev.hash,
      HEAD_ID,
    ]);
  });
}

export interface ChainReport {
  ok: boolean;
  /** Entries checked. */
  checked: number;
  /** The first entry that does not fit the chain; for deleted newest entries, the id the head expects. */
  firstBroken?: { id: number; reason: string };
}

/** Walks the whole chain in id order, 1000 entries at a time. */
export async function verifyChain(db: DataSource): Promise<ChainReport> {
  const head = (
    (await db.query('SELECT last_id, last_hash FROM audit_chain_head WHERE id = ?', [HEAD_ID])) as {
      last_id: number | string;
      last_hash: string;
    }[]
  )[0];
  if (!head) return { ok: false, checked: 0, firstBroken: { id: 0, reason: '审计链头记录缺失' } };
  let prev = { id: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const batch = await db
      .getRepository(AuditEntry)
      .find({ where: { id: MoreThan(prev.id) }, order: { id: 'ASC' }, take: 1000 });
    for (const e of batch) {
      if (e.prevHash !== prev.hash)
        return {
          ok: false,
          checked,
          firstBroken: {
            id: e.id,
            reason:
              e.id === prev.id + 1
                ? '前一条记录的哈希不符：前一条被修改'
                : `缺少编号 ${prev.id + 1}–${e.id - 1} 的记录（被删除）`,
          },
        };
      if (e.hash !== entryHash(e))
        return {
          ok: false,
          checked,
          firstBroken: { id: e.id, reason: '记录内容与其哈希不符：该条被修改' },
        };
      prev = { id: e.id, hash: e.hash };
      checked++;
    }
    if (batch.length < 1000) break;
  }
  if (Number(head.last_id) !== prev.id || head.last_hash !== prev.hash) {
    return {
      ok: false,
      checked,
      firstBroken: {
        id: prev.id + 1,
        reason: `链头指向编号 ${Number(head.last_id)}，最新的记录缺失或被修改`,
      },
    };
  }
  return { ok: true, checked };
}
