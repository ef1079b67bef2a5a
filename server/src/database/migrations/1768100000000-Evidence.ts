import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableForeignKey,
  TableIndex,
  TableUnique,
} from 'typeorm';

/**
 * Evidence files (server/src/evidence): one row per attachment, the bytes in blob storage under
 * their SHA-256; and each studio's evidence settings. The `documents` table stays what it is (the
 * plan / summary record kind); its records take attachments like every other kind. Table API
 * only, so it runs on MySQL/MariaDB and sql.js alike.
 */
export class Evidence1768100000000 implements MigrationInterface {
  name = 'Evidence1768100000000';

  async up(q: QueryRunner): Promise<void> {
    const studioFk = new TableForeignKey({
      columnNames: ['studio_id'],
      referencedTableName: 'studios',
      referencedColumnNames: ['id'],
      onDelete: 'CASCADE',
    });
    await q.createTable(
      new Table({
        name: 'evidence',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'studio_id', type: 'int', isNullable: false },
          { name: 'subject_kind', type: 'varchar', length: '20', isNullable: false },
          { name: 'subject_key', type: 'varchar', length: '40', isNullable: false },
          { name: 'sha256', type: 'varchar', length: '64', isNullable: false },
          { name: 'mime', type: 'varchar', length: '100', isNullable: false },
          { name: 'size_bytes', type: 'int', isNullable: false },
          { name: 'file_name', type: 'varchar', length: '200', isNullable: false },
          { name: 'has_thumb', type: 'boolean', isNullable: false },
          { name: 'width', type: 'int', isNullable: true },
          { name: 'height', type: 'int', isNullable: true },
          { name: 'uploaded_by', type: 'int', isNullable: true },
          { name: 'uploaded_at', type: 'datetime', isNullable: false },
        ],
        uniques: [
          new TableUnique({
            name: 'UQ_evidence_subject_blob',
            columnNames: ['studio_id', 'subject_kind', 'subject_key', 'sha256'],
          }),
        ],
        foreignKeys: [
          studioFk,
          new TableForeignKey({
            columnNames: ['uploaded_by'],
            referencedTableName: 'accounts',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
        indices: [new TableIndex({ name: 'IDX_evidence_sha256', columnNames: ['sha256'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'evidence_settings',
        columns: [
          { name: 'studio_id', type: 'int', isPrimary: true },
          { name: 'keep_photo_metadata', type: 'boolean', isNullable: false },
        ],
        foreignKeys: [studioFk.clone()],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('evidence_settings');
    await q.dropTable('evidence');
  }
}
