import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A create request made with an `Idempotency-Key` header, and the answer it got. Written in
 * the same transaction as the record it created (UNIQUE account_id + idempotency_key), so a
 * failed write leaves no row and a concurrent duplicate's transaction fails on the key.
 */
@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'account_id', type: 'int' }) accountId: number;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 100 }) key: string;
  @Column({ type: 'varchar', length: 10 }) method: string;
  @Column({ type: 'varchar', length: 255 }) path: string;
  @Column({ type: 'int' }) status: number;
  /** JSON of the answer; NULL only inside the writing transaction (claimed, not yet answered). */
  @Column({ name: 'response_body', type: 'text', nullable: true }) responseBody: string | null;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
}
