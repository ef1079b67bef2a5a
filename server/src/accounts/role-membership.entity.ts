import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['leader', 'member', 'apprentice', 'unit_contact', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * One role an account holds, scoped to what it applies to: a studio (leader, member,
 * apprentice), a unit (unit_contact) or a jurisdiction (reviewer).
 */
@Entity('role_memberships')
export class RoleMembership {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'account_id', type: 'int' }) accountId: number;
  @Column({ type: 'varchar', length: 20 }) role: Role;
  @Column({ name: 'studio_id', type: 'int', nullable: true }) studioId: number | null;
  @Column({ name: 'unit_id', type: 'int', nullable: true }) unitId: number | null;
  @Column({ name: 'jurisdiction_id', type: 'int', nullable: true }) jurisdictionId: number | null;
  @Column({ name: 'apprentice_id', type: 'int', nullable: true }) apprenticeId: number | null;
  /** member grants: the team-member record (deleting it deletes the grant; see access-policy effectiveGrants). */
  @Column({ name: 'team_member_id', type: 'int', nullable: true }) teamMemberId: number | null;
}
