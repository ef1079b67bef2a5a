import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One consent to the privacy notice: which version, when, and from which app (weapp / h5). */
@Entity('privacy_consents')
export class PrivacyConsent {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'account_id', type: 'int' }) accountId: number;
  @Column({ type: 'varchar', length: 20 }) version: string;
  @Column({ type: 'varchar', length: 10 }) channel: string;
  @Column({ name: 'consented_at', type: 'datetime' }) consentedAt: Date;
}

export const PRIVACY_REQUEST_KINDS = ['correction', 'deletion'] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];

/**
 * A person's request about their own data (个人信息保护法 第四十六、四十七条). A correction is
 * `open` until the studio's leader settles it; a deletion is carried out at once and stored
 * `done` with its outcome (what was removed, what was kept and why) as JSON.
 */
@Entity('privacy_requests')
export class PrivacyRequest {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'account_id', type: 'int' }) accountId: number;
  @Column({ name: 'studio_id', type: 'int', nullable: true }) studioId: number | null;
  @Column({ type: 'varchar', length: 12 }) kind: PrivacyRequestKind;
  @Column({ type: 'varchar', length: 10 }) status: 'open' | 'done';
  @Column({ type: 'varchar', length: 500, nullable: true }) message: string | null;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
  @Column({ name: 'resolved_at', type: 'datetime', nullable: true }) resolvedAt: Date | null;
  @Column({ name: 'resolved_by', type: 'int', nullable: true }) resolvedBy: number | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) resolution: string | null;
}

/** The retention job's ledger of an ended studio: first seen ended, and anonymised (null: not yet). */
@Entity('privacy_retention')
export class PrivacyRetention {
  @PrimaryColumn({ name: 'studio_id', type: 'int' }) studioId: number;
  @Column({ name: 'ended_seen_at', type: 'datetime' }) endedSeenAt: Date;
  @Column({ name: 'anonymised_at', type: 'datetime', nullable: true }) anonymisedAt: Date | null;
}

export const PRIVACY_ENTITIES = [PrivacyConsent, PrivacyRequest, PrivacyRetention];
