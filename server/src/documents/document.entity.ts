import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Annual plan (FOR `year`), annual summary (OF `year`), mentoring plan (FOR `year`). */
@Entity('documents')
export class StudioDocument {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'studio_id', type: 'int' }) studioId: number;
  @Column({ type: 'varchar', length: 30 }) kind: string;
  @Column({ type: 'int' }) year: number;
  @Column({ name: 'submitted_on', type: 'date' }) submittedOn: string;
  @Column({ type: 'varchar', length: 160, nullable: true }) title: string | null;
}
