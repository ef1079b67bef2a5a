import {
  type MigrationInterface,
  type QueryRunner,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from 'typeorm';

/**
 * A member grant is bound to its team-member record, as an apprentice grant already is to its
 * apprentice record: the grant is effective only while that record exists and has not left, and
 * deleting the record deletes the grant (ON DELETE CASCADE). Existing member grants are linked
 * through the account's person (accounts.person_id = team_members.person_id, same studio).
 */
export class RoleMembershipTeamMember1767657600000 implements MigrationInterface {
  name = 'RoleMembershipTeamMember1767657600000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'role_memberships',
      new TableColumn({ name: 'team_member_id', type: 'int', isNullable: true }),
    );
    await q.query(
      `UPDATE role_memberships SET team_member_id = (
         SELECT MIN(t.id) FROM team_members t INNER JOIN accounts a ON a.person_id = t.person_id
          WHERE a.id = role_memberships.account_id AND t.studio_id = role_memberships.studio_id)
        WHERE role = 'member'`,
    );
    await q.createForeignKey(
      'role_memberships',
      new TableForeignKey({
        name: 'FK_role_memberships_team_member',
        columnNames: ['team_member_id'],
        referencedTableName: 'team_members',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      }),
    );
    await q.createIndex(
      'role_memberships',
      new TableIndex({ name: 'IDX_roles_team_member', columnNames: ['team_member_id'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('role_memberships', 'IDX_roles_team_member');
    await q.dropForeignKey('role_memberships', 'FK_role_memberships_team_member');
    await q.dropColumn('role_memberships', 'team_member_id');
  }
}
