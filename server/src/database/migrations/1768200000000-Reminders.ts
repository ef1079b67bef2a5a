import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableForeignKey,
  TableIndex,
  TableUnique,
  type TableColumnOptions,
} from 'typeorm';

/**
 * Reminders (issue 14): the inbox rows and their WeChat push state, each person's muted kinds,
 * their subscribe-message consents, the scheduler's lease and the shared WeChat access token.
 * Times are epoch milliseconds in BIGINT columns (no time-zone conversion on either database).
 * Table API only: the same migration runs on MySQL/MariaDB and sql.js.
 */
const id: TableColumnOptions = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
};
const col = (
  name: string,
  type: string,
  extra: Partial<TableColumnOptions> = {},
): TableColumnOptions => ({ name, type, isNullable: false, ...extra });
const accountFk = new TableForeignKey({
  columnNames: ['account_id'],
  referencedTableName: 'accounts',
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

const TABLES = (): Table[] => [
  new Table({
    name: 'reminders',
    columns: [
      id,
      col('account_id', 'int'),
      col('kind', 'varchar', { length: '30' }),
      col('subject', 'varchar', { length: '60' }),
      col('due_on', 'date'),
      col('step', 'varchar', { length: '12' }),
      col('studio_id', 'int', { isNullable: true }),
      col('title', 'varchar', { length: '200' }),
      col('body', 'text'),
      col('route', 'varchar', { length: '300' }),
      col('created_at', 'bigint'),
      col('deliver_at', 'bigint'),
      col('read_at', 'bigint', { isNullable: true }),
      col('push_status', 'varchar', { length: '12', default: "'none'" }),
      col('push_attempts', 'int', { default: 0 }),
      col('push_next_at', 'bigint', { isNullable: true }),
      col('push_error', 'varchar', { length: '200', isNullable: true }),
    ],
    foreignKeys: [
      accountFk,
      new TableForeignKey({
        columnNames: ['studio_id'],
        referencedTableName: 'studios',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      }),
    ],
    uniques: [
      // A retry or a second process never creates (and so never sends) the same reminder twice.
      new TableUnique({
        name: 'UQ_reminders_key',
        columnNames: ['account_id', 'kind', 'subject', 'due_on', 'step'],
      }),
    ],
    indices: [
      new TableIndex({ name: 'IDX_reminders_inbox', columnNames: ['account_id', 'deliver_at'] }),
      new TableIndex({ name: 'IDX_reminders_push', columnNames: ['push_status', 'deliver_at'] }),
    ],
  }),
  new Table({
    name: 'reminder_mutes',
    columns: [id, col('account_id', 'int'), col('kind', 'varchar', { length: '30' })],
    foreignKeys: [accountFk],
    uniques: [new TableUnique({ name: 'UQ_reminder_mutes', columnNames: ['account_id', 'kind'] })],
  }),
  new Table({
    name: 'wechat_subscriptions',
    columns: [
      id,
      col('account_id', 'int'),
      col('template_id', 'varchar', { length: '64' }),
      col('credits', 'int', { default: 0 }),
      col('updated_at', 'bigint'),
    ],
    foreignKeys: [accountFk],
    uniques: [
      new TableUnique({
        name: 'UQ_wechat_subscriptions',
        columnNames: ['account_id', 'template_id'],
      }),
    ],
  }),
  new Table({
    name: 'scheduler_leases',
    columns: [
      col('name', 'varchar', { length: '40', isPrimary: true }),
      col('holder', 'varchar', { length: '80' }),
      col('expires_at', 'bigint'),
    ],
  }),
  new Table({
    name: 'wechat_tokens',
    columns: [
      col('app_id', 'varchar', { length: '64', isPrimary: true }),
      col('access_token', 'varchar', { length: '600' }),
      col('expires_at', 'bigint'),
      col('refreshed_at', 'bigint'),
    ],
  }),
];

export class Reminders1768200000000 implements MigrationInterface {
  name = 'Reminders1768200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES()) await q.createTable(t, true, true, true);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES().reverse()) await q.dropTable(t.name, true, true, true);
  }
}
