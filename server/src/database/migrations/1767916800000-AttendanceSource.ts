import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * Who recorded an attendance row: 'scan' (the apprentice's own check-in, every existing row) or
 * 'leader' (a late or paper sign-in added by the leader or a member), with the adding account.
 */
export class AttendanceSource1767916800000 implements MigrationInterface {
  name = 'AttendanceSource1767916800000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'attendance',
      new TableColumn({
        name: 'source',
        type: 'varchar',
        length: '10',
        isNullable: false,
        default: "'scan'",
      }),
    );
    await q.addColumn(
      'attendance',
      new TableColumn({ name: 'added_by', type: 'int', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('attendance', 'added_by');
    await q.dropColumn('attendance', 'source');
  }
}
