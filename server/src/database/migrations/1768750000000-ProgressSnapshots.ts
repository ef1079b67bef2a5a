import { type MigrationInterface, type QueryRunner, Table, TableForeignKey } from 'typeorm';

/**
 * Issue 16, dashboards at province scale:
 * - progress_snapshots: each studio's dashboard summary (targets and their statuses, findings,
 *   deadlines, risk) as of one day, with the shared-rules version and policy it was computed
 *   with and when (epoch ms, which also orders concurrent rebuilds: an older computation never
 *   overwrites a newer one);
 * - progress_queue: a durable queue of studios whose facts changed, appended in the writing
 *   transaction (audited writes and check-ins) and drained into the snapshots.
 * Table API only, so it runs on MySQL/MariaDB and sql.js alike.
 */
export class ProgressSnapshots1768750000000 implements MigrationInterface {
  name = 'ProgressSnapshots1768750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'progress_snapshots',
        columns: [
          { name: 'studio_id', type: 'int', isPrimary: true },
          { name: 'rules_version', type: 'varchar', length: '64', isNullable: false },
          { name: 'policy_id', type: 'varchar', length: '40', isNullable: false },
          { name: 'as_of', type: 'varchar', length: '10', isNullable: false },
          { name: 'computed_ms', type: 'bigint', isNullable: false },
          // The summary's risk, so a page of the risk-ordered list parses 20 summaries, not all.
          { name: 'risk', type: 'bigint', isNullable: false },
          { name: 'summary', type: 'text', isNullable: false },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['studio_id'],
            referencedTableName: 'studios',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    // No foreign key: a check-in's append must not lock the studio row.
    await q.createTable(
      new Table({
        name: 'progress_queue',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'studio_id', type: 'int', isNullable: false },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('progress_queue');
    await q.dropTable('progress_snapshots');
  }
}
