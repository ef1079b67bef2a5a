import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A unit contact's sign-off (审核确认) of one record. */
@Entity('signoffs')
export class Signoff {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'studio_id', type: 'int' }) studioId: number;
  @Column({ name: 'record_type', type: 'varchar', length: 20 }) recordType: string;
  @Column({ name: 'record_id', type: 'int' }) recordId: number;
  @Column({ name: 'account_id', type: 'int' }) accountId: number;
  @Column({ name: 'signed_at', type: 'datetime' }) signedAt: Date;
}
