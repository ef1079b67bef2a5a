import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per multi-row INSERT (a few thousand bound values, far under the packet and variable limits). */
export const INSERT_CHUNK = 500;

/**
 * Inserts `rows` with multi-row INSERTs of INSERT_CHUNK rows, inside the caller's transaction,
 * and answers the new auto-increment ids in the order of `rows`.
 *
 * The ids are worked out, not read back: a multi-row INSERT with its row count known ("simple
 * insert") takes one run of auto-increment values, so on MySQL/MariaDB row i of a statement
 * gets LAST_INSERT_ID() + i × @@auto_increment_increment (the increment is above 1 on a Galera
 * cluster, which TypeORM's own identifiers ignore); on sql.js (one connection) the rows end at
 * last_insert_rowid(). A statement that did not insert every row is refused.
 */
export async function insertMany<E extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<E>,
  rows: readonly object[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const mysql = m.connection.options.type === 'mysql';
  const step = mysql
    ? Number(
        ((await m.query('SELECT @@auto_increment_increment AS step')) as { step: unknown }[])[0]
          ?.step ?? 1,
      )
    : 1;
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(chunk as never)
      .updateEntity(false)
      .execute();
    let first: number;
    if (mysql) {
      const raw = res.raw as { insertId: number | string; affectedRows: number };
      if (Number(raw.affectedRows) !== chunk.length)
        throw new Error(`insertMany: ${raw.affectedRows} of ${chunk.length} rows inserted`);
      first = Number(raw.insertId);
    } else {
      const last = (await m.query('SELECT last_insert_rowid() AS id')) as { id: unknown }[];
      first = Number(last[0]?.id) - (chunk.length - 1);
    }
    chunk.forEach((_, k) => ids.push(first + k * step));
  }
  return ids;
}
