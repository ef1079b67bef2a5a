import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../accounts/role-membership.entity';

/**
 * A one-time code that grants exactly one role: leader of a studio, unit_contact of a unit,
 * member (bound to a team-member record) or apprentice (bound to an apprentice record) of a
 * studio, or reviewer of a jurisdiction (operator CLI only). Only the code's hash is stored.
 */
@Entity('invitations')
export class Invitation {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'code_hash', type: 'varchar', length: 64 }) codeHash: string;
  @Column({ type: 'varchar', length: 20 }) role: Role;
  @Column({ name: 'jurisdiction_id', type: 'int' }) jurisdictionId: number;
  @Column({ name: 'unit_id', type: 'int', nullable: true }) unitId: number | null;
  @Column({ name: 'studio_id', type: 'int', nullable: true }) studioId: number | null;
  @Column({ name: 'team_member_id', type: 'int', nullable: true }) teamMemberId: number | null;
  @Column({ name: 'apprentice_id', type: 'int', nullable: true }) apprenticeId: number | null;
  @Column({ name: 'created_by', type: 'int', nullable: true }) createdBy: number | null;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
  @Column({ name: 'expires_at', type: 'datetime' }) expiresAt: Date;
  @Column({ name: 'used_at', type: 'datetime', nullable: true }) usedAt: Date | null;
  @Column({ name: 'used_by', type: 'int', nullable: true }) usedBy: number | null;
  @Column({ name: 'revoked_at', type: 'datetime', nullable: true }) revokedAt: Date | null;
}
