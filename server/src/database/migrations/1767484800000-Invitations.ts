import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
  TableUnique,
} from 'typeorm';

/**
 * Onboarding: one-time invitation codes (only their SHA-256 is stored), and audit rows that
 * belong to no studio (a new unit, a unit contact's invitation): audit_log.studio_id becomes
 * nullable. Table API only, so it runs on MySQL/MariaDB and sql.js alike.
 */
export class Invitations1767484800000 implements MigrationInterface {
  name = 'Invitations1767484800000';

  async up(q: QueryRunner): Promise<void> {
    const fk = (column: string, table: string, onDelete: 'CASCADE' | 'SET NULL'): TableForeignKey =>
      new TableForeignKey({
        columnNames: [column],
        referencedTableName: table,
        referencedColumnNames: ['id'],
        onDelete,
      });
    await q.createTable(
      new Table({
        name: 'invitations',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'code_hash', type: 'varchar', length: '64', isNullable: false },
          { name: 'role', type: 'varchar', length: '20', isNullable: false },
          { name: 'jurisdiction_id', type: 'int', isNullable: false },
          { name: 'unit_id', type: 'int', isNullable: true },
          { name: 'studio_id', type: 'int', isNullable: true },
          { name: 'team_member_id', type: 'int', isNullable: true },
          { name: 'apprentice_id', type: 'int', isNullable: true },
          { name: 'created_by', type: 'int', isNullable: true },
          { name: 'created_at', type: 'datetime', isNullable: false },
          { name: 'expires_at', type: 'datetime', isNullable: false },
          { name: 'used_at', type: 'datetime', isNullable: true },
          { name: 'used_by', type: 'int', isNullable: true },
          { name: 'revoked_at', type: 'datetime', isNullable: true },
        ],
        uniques: [
          new TableUnique({ name: 'UQ_invitations_code_hash', columnNames: ['code_hash'] }),
        ],
        foreignKeys: [
          fk('jurisdiction_id', 'jurisdictions', 'CASCADE'),
          fk('unit_id', 'units', 'CASCADE'),
          fk('studio_id', 'studios', 'CASCADE'),
          fk('team_member_id', 'team_members', 'CASCADE'),
          fk('apprentice_id', 'apprentices', 'CASCADE'),
          fk('created_by', 'accounts', 'SET NULL'),
          fk('used_by', 'accounts', 'SET NULL'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_invitations_studio', columnNames: ['studio_id', 'used_at'] }),
          new TableIndex({ name: 'IDX_invitations_unit', columnNames: ['unit_id', 'used_at'] }),
        ],
      }),
    );
    await q.changeColumn(
      'audit_log',
      'studio_id',
      new TableColumn({ name: 'studio_id', type: 'int', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM audit_log WHERE studio_id IS NULL');
    await q.changeColumn(
      'audit_log',
      'studio_id',
      new TableColumn({ name: 'studio_id', type: 'int', isNullable: false }),
    );
    await q.dropTable('invitations');
  }
}
