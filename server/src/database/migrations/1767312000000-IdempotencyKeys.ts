import { type MigrationInterface, type QueryRunner, Table, TableIndex, TableUnique } from 'typeorm';

/** Idempotency-Key of create requests and their stored answers (Table API: MySQL/MariaDB and sql.js). */
export class IdempotencyKeys1767312000000 implements MigrationInterface {
  name = 'IdempotencyKeys1767312000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'account_id', type: 'int', isNullable: false },
          { name: 'idempotency_key', type: 'varchar', length: '100', isNullable: false },
          { name: 'method', type: 'varchar', length: '10', isNullable: false },
          { name: 'path', type: 'varchar', length: '255', isNullable: false },
          { name: 'status', type: 'int', isNullable: false },
          { name: 'response_body', type: 'text', isNullable: true },
          { name: 'created_at', type: 'datetime', isNullable: false },
        ],
        uniques: [
          new TableUnique({
            name: 'UQ_idempotency_keys_account_key',
            columnNames: ['account_id', 'idempotency_key'],
          }),
        ],
        indices: [
          new TableIndex({ name: 'IDX_idempotency_keys_created', columnNames: ['created_at'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('idempotency_keys');
  }
}
