import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * A typed 6-digit check-in code names no activity: the server lists the open check-ins of the
 * caller's studios (`studio_id IN (…) AND checkin_open = 1`) and matches against those. This index
 * answers that from the index alone, however many past activities a studio has.
 */
export class ActivitiesCheckinIndex1767571200000 implements MigrationInterface {
  name = 'ActivitiesCheckinIndex1767571200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'activities',
      new TableIndex({
        name: 'IDX_activities_studio_checkin',
        columnNames: ['studio_id', 'checkin_open'],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('activities', 'IDX_activities_studio_checkin');
  }
}
