// Over 300 lines: the first schema, every table at once, for MySQL/MariaDB and sqlite; a shipped
// migration is never edited or split (databases in use have run it under this name).
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
 * The whole first schema, written with TypeORM's Table API (no raw SQL) so the same
 * migration runs on MySQL/MariaDB and on sql.js.
 */
const id: TableColumnOptions = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
};
const int = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'int',
  isNullable: nullable,
});
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const date = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'date',
  isNullable: nullable,
});
const datetime = (name: string): TableColumnOptions => ({
  name,
  type: 'datetime',
  isNullable: false,
});
const bool = (name: string, nullable: boolean, dflt?: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  isNullable: nullable,
  ...(dflt === undefined ? {} : { default: dflt ? 1 : 0 }),
});
const dec = (
  name: string,
  precision: number,
  scale: number,
  nullable = false,
): TableColumnOptions => ({ name, type: 'decimal', precision, scale, isNullable: nullable });
const text = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});

function fk(
  column: string,
  table: string,
  onDelete: 'CASCADE' | 'RESTRICT' = 'RESTRICT',
): TableForeignKey {
  return new TableForeignKey({
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete,
  });
}
const idx = (name: string, columns: string[]): TableIndex =>
  new TableIndex({ name, columnNames: columns });
const uniq = (name: string, columns: string[]): TableUnique =>
  new TableUnique({ name, columnNames: columns });

const TABLES: Table[] = [
  new Table({ name: 'jurisdictions', columns: [id, str('name', 100), str('policy_id', 40)] }),
  new Table({
    name: 'units',
    columns: [id, str('name', 120), int('jurisdiction_id')],
    foreignKeys: [fk('jurisdiction_id', 'jurisdictions')],
    indices: [idx('IDX_units_jurisdiction', ['jurisdiction_id'])],
  }),
  new Table({
    name: 'people',
    columns: [
      id,
      str('name', 60),
      date('birth_date', true),
      str('retirement_category', 20, true),
      str('skill_level', 30, true),
    ],
  }),
  new Table({
    name: 'studios',
    columns: [
      id,
      str('name', 120),
      str('trade', 60),
      int('unit_id'),
      int('jurisdiction_id'),
      int('leader_person_id'),
      bool('leader_full_time', false, true),
      date('recognized_on'),
      { name: 'status', type: 'varchar', length: '20', default: "'active'" },
      int('area_sqm', true),
      bool('has_sign', true),
      bool('has_honours_board', true),
      bool('rules_posted', true),
      bool('duties_defined', true),
      bool('has_equipment', true),
      bool('has_fund_rules', true),
      bool('vetoed', true),
      dec('assessment_total', 6, 2, true),
    ],
    foreignKeys: [
      fk('unit_id', 'units'),
      fk('jurisdiction_id', 'jurisdictions'),
      fk('leader_person_id', 'people'),
    ],
    indices: [
      idx('IDX_studios_jurisdiction_status', ['jurisdiction_id', 'status']),
      idx('IDX_studios_unit', ['unit_id']),
    ],
  }),
  new Table({
    name: 'accounts',
    columns: [
      id,
      int('person_id', true),
      str('name', 60),
      str('username', 60, true),
      str('wechat_openid', 64, true),
      datetime('created_at'),
    ],
    foreignKeys: [fk('person_id', 'people')],
    uniques: [
      uniq('UQ_accounts_username', ['username']),
      uniq('UQ_accounts_wechat_openid', ['wechat_openid']),
    ],
  }),
  new Table({
    name: 'apprentices',
    columns: [
      id,
      int('studio_id'),
      int('person_id'),
      date('joined_on'),
      date('agreement_signed_on', true),
      date('left_on', true),
    ],
    foreignKeys: [fk('studio_id', 'studios', 'CASCADE'), fk('person_id', 'people')],
    indices: [idx('IDX_apprentices_studio', ['studio_id', 'joined_on'])],
    uniques: [uniq('UQ_apprentices_studio_person', ['studio_id', 'person_id'])],
  }),
  new Table({
    name: 'role_memberships',
    columns: [
      id,
      int('account_id'),
      str('role', 20),
      int('studio_id', true),
      int('unit_id', true),
      int('jurisdiction_id', true),
      int('apprentice_id', true),
    ],
    foreignKeys: [
      fk('account_id', 'accounts', 'CASCADE'),
      fk('studio_id', 'studios', 'CASCADE'),
      fk('unit_id', 'units', 'CASCADE'),
      fk('jurisdiction_id', 'jurisdictions', 'CASCADE'),
      fk('apprentice_id', 'apprentices', 'CASCADE'),
    ],
    indices: [idx('IDX_roles_account', ['account_id'])],
  }),
  new Table({
    name: 'team_members',
    columns: [
      id,
      int('studio_id'),
      int('person_id'),
      bool('full_time', false, true),
      int('years_in_trade', true),
      date('joined_on', true),
      date('left_on', true),
    ],
    foreignKeys: [fk('studio_id', 'studios', 'CASCADE'), fk('person_id', 'people')],
    indices: [idx('IDX_team_members_studio', ['studio_id'])],
  }),
  new Table({
    name: 'certificates',
    columns: [
      id,
      int('studio_id'),
      int('apprentice_id'),
      str('level', 30),
      date('awarded_on'),
      str('number', 60, true),
    ],
    foreignKeys: [fk('studio_id', 'studios', 'CASCADE'), fk('apprentice_id', 'apprentices')],
    indices: [
      idx('IDX_certificates_studio_date', ['studio_id', 'awarded_on']),
      idx('IDX_certificates_apprentice', ['apprentice_id']),
    ],
  }),
  new Table({
    name: 'activities',
    columns: [
      id,
      int('studio_id'),
      str('kind', 30),
      str('title', 120),
      date('date'),
      str('location', 120, true),
      { name: 'extra_attendance', type: 'int', default: 0 },
      bool('checkin_open', false, false),
    ],
    foreignKeys: [fk('studio_id', 'studios', 'CASCADE')],
    indices: [idx('IDX_activities_studio_date', ['studio_id', 'date'])],
  }),
  new Table({
    name: 'attendance',
    columns: [
      id,
      int('activity_id'),
      int('person_id'),
      int('studio_id'),
      datetime('checked_in_at'),
    ],
    foreignKeys: [
      fk('activity_id', 'activities', 'CASCADE'),
      fk('person_id', 'people'),
      fk('studio_id', 'studios', 'CASCADE'),
    ],
    uniques: [uniq('UQ_attendance_activity_person', ['activity_id', 'person_id'])],
    indices: [
      idx('IDX_attendance_studio', ['studio_id', 'activity_id']),
      idx('IDX_attendance_person', ['person_id']),
    ],
  }),
  new Table({
    name: 'achievements',
    columns: [
      id,
      int('studio_id'),
      str('kind', 30),
      str('level', 20),
      str('title', 160),
      date('date'),
    ],
    foreignKeys: [fk('studio_id', 'studios', 'CASCADE')],
    indices: [idx('IDX_achievements_studio_date', ['studio_id', 'date'])],
  }),
  new Table({
    name: 'fund_entries',
    columns: [
      id,
      int('studio_id'),
      str('direction', 10),
      str('source', 20, true),
      str('category', 40),
      dec('amount', 14, 2),
      date('date'),
      str('note', 200, true),
    ],
    foreignKeys: [fk('studio_id', 'studios', 'CASCADE')],
    indices: [idx('IDX_fund_entries_studio_date', ['studio_id', 'date'])],
  }),
  new Table({
    name: 'documents',
    columns: [
      id,
      int('studio_id'),
      str('kind', 30),
      int('year'),
      date('submitted_on'),
      str('title', 160, true),
    ],
    foreignKeys: [fk('studio_id', 'studios', 'CASCADE')],
    indices: [idx('IDX_documents_studio_year', ['studio_id', 'year'])],
  }),
  new Table({
    name: 'judgments',
    columns: [
      id,
      int('studio_id'),
      str('item_id', 10),
      dec('score', 6, 2),
      str('note', 500, true),
      int('judged_by'),
      datetime('judged_at'),
    ],
    foreignKeys: [fk('studio_id', 'studios', 'CASCADE'), fk('judged_by', 'accounts')],
    uniques: [uniq('UQ_judgments_studio_item', ['studio_id', 'item_id'])],
  }),
  new Table({
    name: 'signoffs',
    columns: [
      id,
      int('studio_id'),
      str('record_type', 20),
      int('record_id'),
      int('account_id'),
      datetime('signed_at'),
    ],
    foreignKeys: [fk('studio_id', 'studios', 'CASCADE'), fk('account_id', 'accounts')],
    uniques: [uniq('UQ_signoffs_record', ['record_type', 'record_id'])],
    indices: [idx('IDX_signoffs_studio', ['studio_id'])],
  }),
  new Table({
    name: 'finalized_periods',
    columns: [
      id,
      int('studio_id'),
      date('period_from'),
      date('period_to'),
      int('finalized_by'),
      datetime('finalized_at'),
      text('sheet'),
    ],
    foreignKeys: [fk('studio_id', 'studios', 'CASCADE'), fk('finalized_by', 'accounts')],
    uniques: [
      uniq('UQ_finalized_periods_studio_period', ['studio_id', 'period_from', 'period_to']),
    ],
  }),
  new Table({
    name: 'audit_log',
    columns: [
      id,
      int('studio_id'),
      int('account_id'),
      str('record_type', 20),
      int('record_id'),
      str('action', 10),
      text('before', true),
      text('after', true),
      datetime('at'),
    ],
    foreignKeys: [fk('studio_id', 'studios', 'CASCADE'), fk('account_id', 'accounts')],
    indices: [
      idx('IDX_audit_studio_at', ['studio_id', 'at']),
      idx('IDX_audit_record', ['record_type', 'record_id']),
    ],
  }),
];

export class InitialSchema1767225600000 implements MigrationInterface {
  name = 'InitialSchema1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.createTable(table, true, true, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse())
      await queryRunner.dropTable(table.name, true, true, true);
  }
}
