import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * A finalized period keeps the undated facts its sheet was scored on (team, studio checklist,
 * leader), so later edits of those records leave the period's view unchanged (issue 10 item 8).
 * Existing rows stay null: they read the live records, as before.
 */
export class FinalizedUndatedFacts1768000000000 implements MigrationInterface {
  name = 'FinalizedUndatedFacts1768000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'finalized_periods',
      new TableColumn({ name: 'undated', type: 'text', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('finalized_periods', 'undated');
  }
}
