import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Who changed which record of a studio, when, and the values before and after (JSON); also
 * sign-ins (with IP), sign-offs, finalizations and role grants. Entries are hash-chained
 * (audit/audit-chain.ts) and never changed: nothing in the API updates or deletes them.
 */
@Entity('audit_log')
export class AuditEntry {
  /** Assigned by the chain (head's last id + 1), not by AUTO_INCREMENT. */
  @PrimaryColumn({ type: 'int' }) id: number;
  /** null for changes outside any studio (a new unit, a unit contact's invitation, a sign-in). */
  @Column({ name: 'studio_id', type: 'int', nullable: true }) studioId: number | null;
  /** null for a failed sign-in that names no account. */
  @Column({ name: 'account_id', type: 'int', nullable: true }) accountId: number | null;
  /** The actor's name when the entry was written (accounts can be renamed later). */
  @Column({ name: 'account_name', type: 'varchar', length: 100, nullable: true }) accountName:
    string | null;
  @Column({ name: 'record_type', type: 'varchar', length: 20 }) recordType: string;
  @Column({ name: 'record_id', type: 'int' }) recordId: number;
  /** create | update | delete | revoke | redeem | open | close | finalize | grant | signin | signin_failed */
  @Column({ type: 'varchar', length: 20 }) action: string;
  @Column({ type: 'text', nullable: true }) before: string | null;
  @Column({ type: 'text', nullable: true }) after: string | null;
  @Column({ type: 'datetime' }) at: Date;
  /** The client address, for sign-ins. */
  @Column({ type: 'varchar', length: 45, nullable: true }) ip: string | null;
  @Column({ name: 'prev_hash', type: 'varchar', length: 64 }) prevHash: string;
  @Column({ type: 'varchar', length: 64 }) hash: string;
}
