import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableUnique,
} from 'typeorm';

/**
 * The reviewer's meeting form and the studio's own facts (issue 11, items 6–7):
 * - assessment_overrides: a reviewer's replacement of an item's score, with the reason;
 * - assessment_reviews: the 评审意见, with who wrote it and when;
 * - studios.facts_confirmed_by/_at: the unit contact's confirmation of the studio's name and
 *   facilities (cleared when the leader changes them).
 * Table API only, so it runs on MySQL/MariaDB and sql.js alike.
 */
export class MeetingForm1768600000000 implements MigrationInterface {
  name = 'MeetingForm1768600000000';

  async up(q: QueryRunner): Promise<void> {
    const id = {
      name: 'id',
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment' as const,
    };
    const studioFk = new TableForeignKey({
      columnNames: ['studio_id'],
      referencedTableName: 'studios',
      referencedColumnNames: ['id'],
      onDelete: 'CASCADE',
    });
    await q.createTable(
      new Table({
        name: 'assessment_overrides',
        columns: [
          id,
          { name: 'studio_id', type: 'int', isNullable: false },
          { name: 'item_id', type: 'varchar', length: '10', isNullable: false },
          { name: 'score', type: 'decimal', precision: 6, scale: 2, isNullable: false },
          { name: 'reason', type: 'varchar', length: '500', isNullable: false },
          { name: 'overridden_by', type: 'int', isNullable: false },
          { name: 'overridden_at', type: 'datetime', isNullable: false },
        ],
        uniques: [
          new TableUnique({
            name: 'UQ_assessment_overrides_item',
            columnNames: ['studio_id', 'item_id'],
          }),
        ],
        foreignKeys: [studioFk],
      }),
    );
    await q.createTable(
      new Table({
        name: 'assessment_reviews',
        columns: [
          id,
          { name: 'studio_id', type: 'int', isNullable: false },
          { name: 'comment', type: 'varchar', length: '2000', isNullable: false },
          { name: 'reviewed_by', type: 'int', isNullable: false },
          { name: 'reviewed_at', type: 'datetime', isNullable: false },
        ],
        uniques: [
          new TableUnique({ name: 'UQ_assessment_reviews_studio', columnNames: ['studio_id'] }),
        ],
        foreignKeys: [new TableForeignKey({ ...studioFk })],
      }),
    );
    await q.addColumn(
      'studios',
      new TableColumn({ name: 'facts_confirmed_by', type: 'int', isNullable: true }),
    );
    await q.addColumn(
      'studios',
      new TableColumn({ name: 'facts_confirmed_at', type: 'datetime', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('studios', 'facts_confirmed_at');
    await q.dropColumn('studios', 'facts_confirmed_by');
    await q.dropTable('assessment_reviews');
    await q.dropTable('assessment_overrides');
  }
}
