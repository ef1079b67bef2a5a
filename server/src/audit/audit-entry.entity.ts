import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed which record of a studio, when, and the values before and after (JSON). */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryGeneratedColumn() id: number;
  /** null for changes outside any studio (a new unit, a unit contact's invitation). */
  @Column({ name: 'studio_id', type: 'int', nullable: true }) studioId: number | null;
  @Column({ name: 'account_id', type: 'int' }) accountId: number;
  @Column({ name: 'record_type', type: 'varchar', length: 20 }) recordType: string;
  @Column({ name: 'record_id', type: 'int' }) recordId: number;
  /** create | update | delete | revoke | redeem */
  @Column({ type: 'varchar', length: 10 }) action: string;
  @Column({ type: 'text', nullable: true }) before: string | null;
  @Column({ type: 'text', nullable: true }) after: string | null;
  @Column({ type: 'datetime' }) at: Date;
}
