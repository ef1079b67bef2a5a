import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A bureau's area (市 / 区) and the policy its studios are assessed under. */
@Entity('jurisdictions')
export class Jurisdiction {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 100 }) name: string;
  /** One of shared-rules `policies[].id`, e.g. `urumqi-2023`. */
  @Column({ name: 'policy_id', type: 'varchar', length: 40 }) policyId: string;
}
