import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A skill certificate an apprentice obtained. */
@Entity('certificates')
export class Certificate {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'studio_id', type: 'int' }) studioId: number;
  @Column({ name: 'apprentice_id', type: 'int' }) apprenticeId: number;
  @Column({ type: 'varchar', length: 30 }) level: string;
  @Column({ name: 'awarded_on', type: 'date' }) awardedOn: string;
  @Column({ type: 'varchar', length: 60, nullable: true }) number: string | null;
}
