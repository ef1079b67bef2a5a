import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { entryHash, GENESIS_HASH } from '../../audit/audit-chain';
import { AuditEntry } from '../../audit/audit-entry.entity';

/**
 * A tamper-evident audit log (docs/operations.md "Audit log"): each entry stores the actor's
 * name at write time, the client IP for sign-ins, and the SHA-256 chain (prev_hash, hash);
 * audit_chain_head is the one row that appends lock. Failed sign-ins name no account, so
 * account_id becomes nullable; actions get longer names (signin_failed). Existing entries are
 * chained in id order, with the names their accounts have now.
 */
export class AuditChain1767830400000 implements MigrationInterface {
  name = 'AuditChain1767830400000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type === 'mysql';
    // One ALTER on MySQL/MariaDB (each one copies or locks the table); TypeORM's calls on SQLite.
    if (mysql)
      await q.query(
        'ALTER TABLE audit_log ADD account_name varchar(100) NULL, ADD ip varchar(45) NULL, ADD prev_hash varchar(64) NULL, ADD hash varchar(64) NULL, MODIFY account_id int NULL, MODIFY action varchar(20) NOT NULL',
      );
    else await this.widenOnSqlite(q);
    await q.createTable(
      new Table({
        name: 'audit_chain_head',
        columns: [
          { name: 'id', type: 'int', isPrimary: true },
          { name: 'last_id', type: 'int' },
          { name: 'last_hash', type: 'varchar', length: '64' },
        ],
      }),
    );
    await q.query(
      'UPDATE audit_log SET account_name = (SELECT a.name FROM accounts a WHERE a.id = audit_log.account_id)',
    );
    let prev = { id: 0, hash: GENESIS_HASH };
    for (;;) {
      const batch = await q.manager
        .createQueryBuilder(AuditEntry, 'a')
        .where('a.id > :id', { id: prev.id })
        .orderBy('a.id', 'ASC')
        .take(1000)
        .getMany();
      for (const e of batch) {
        const hash = entryHash({ ...e, ip: null, prevHash: prev.hash });
        await q.query('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?', [
          prev.hash,
          hash,
          e.id,
        ]);
        prev = { id: e.id, hash };
      }
      if (batch.length < 1000) break;
    }
    await q.query('INSERT INTO audit_chain_head (id, last_id, last_hash) VALUES (1, ?, ?)', [
      prev.id,
      prev.hash,
    ]);
    if (mysql)
      await q.query(
        'ALTER TABLE audit_log MODIFY prev_hash varchar(64) NOT NULL, MODIFY hash varchar(64) NOT NULL',
      );
    else
      for (const c of ['prev_hash', 'hash'])
        await q.changeColumn(
          'audit_log',
          c,
          new TableColumn({ name: c, type: 'varchar', length: '64' }),
        );
  }

  private async widenOnSqlite(q: QueryRunner): Promise<void> {
    await q.addColumns('audit_log', [
      new TableColumn({ name: 'account_name', type: 'varchar', length: '100', isNullable: true }),
      new TableColumn({ name: 'ip', type: 'varchar', length: '45', isNullable: true }),
      new TableColumn({ name: 'prev_hash', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'hash', type: 'varchar', length: '64', isNullable: true }),
    ]);
    await q.changeColumn(
      'audit_log',
      'account_id',
      new TableColumn({ name: 'account_id', type: 'int', isNullable: true }),
    );
    await q.changeColumn(
      'audit_log',
      'action',
      new TableColumn({ name: 'action', type: 'varchar', length: '20' }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_chain_head');
    await q.query(
      "DELETE FROM audit_log WHERE account_id IS NULL OR action IN ('signin', 'signin_failed', 'grant', 'finalize')",
    );
    await q.changeColumn(
      'audit_log',
      'action',
      new TableColumn({ name: 'action', type: 'varchar', length: '10' }),
    );
    await q.changeColumn(
      'audit_log',
      'account_id',
      new TableColumn({ name: 'account_id', type: 'int' }),
    );
    for (const c of ['hash', 'prev_hash', 'ip', 'account_name']) await q.dropColumn('audit_log', c);
  }
}
