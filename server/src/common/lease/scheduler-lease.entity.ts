import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A named lease (DbLease): who holds it and until when, in epoch milliseconds. */
@Entity('scheduler_leases')
export class SchedulerLease {
  @PrimaryColumn({ type: 'varchar', length: 40 }) name: string;
  @Column({ type: 'varchar', length: 80 }) holder: string;
  @Column({
    name: 'expires_at',
    type: 'bigint',
    // MySQL hands BIGINT back as a string.
    transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) },
  })
  expiresAt: number;
}
