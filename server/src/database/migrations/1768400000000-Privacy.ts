import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableForeignKey,
  TableIndex,
  type TableColumnOptions,
} from 'typeorm';

/**
 * privacy/: consents to the privacy notice (with its version), the people's own requests
 * (correction, deletion) and the retention job's ledger (one row per ended studio: when the job
 * first saw it ended, and when its people were anonymised; the conditional update of that row
 * makes each anonymisation happen once, whichever process gets there first).
 * Table API only, so it runs on MySQL/MariaDB and on sql.js.
 */
const id: TableColumnOptions = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
};
const int = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'int',
  isNullable,
});
const str = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});
const at = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  isNullable,
});
const fk = (column: string, table: string, onDelete: 'CASCADE' | 'SET NULL') =>
  new TableForeignKey({
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete,
  });

const TABLES = [
  new Table({
    name: 'privacy_consents',
    columns: [id, int('account_id'), str('version', 20), str('channel', 10), at('consented_at')],
    foreignKeys: [fk('account_id', 'accounts', 'CASCADE')],
    indices: [
      new TableIndex({ name: 'IDX_privacy_consents_account', columnNames: ['account_id'] }),
    ],
  }),
  new Table({
    name: 'privacy_requests',
    columns: [
      id,
      int('account_id'),
      int('studio_id', true),
      str('kind', 12),
      str('status', 10),
      str('message', 500, true),
      { name: 'outcome', type: 'text', isNullable: true },
      at('created_at'),
      at('resolved_at', true),
      int('resolved_by', true),
      str('resolution', 500, true),
    ],
    foreignKeys: [fk('account_id', 'accounts', 'CASCADE'), fk('studio_id', 'studios', 'CASCADE')],
    indices: [
      new TableIndex({ name: 'IDX_privacy_requests_account', columnNames: ['account_id'] }),
      new TableIndex({ name: 'IDX_privacy_requests_studio', columnNames: ['studio_id', 'status'] }),
    ],
  }),
  new Table({
    name: 'privacy_retention',
    columns: [
      { ...int('studio_id'), isPrimary: true },
      at('ended_seen_at'),
      at('anonymised_at', true),
    ],
  }),
];

export class Privacy1768400000000 implements MigrationInterface {
  name = 'Privacy1768400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.createTable(t, true, true, true);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...TABLES].reverse()) await q.dropTable(t.name, true, true, true);
  }
}
