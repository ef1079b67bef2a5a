import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A result: patent, award, media report, publication, innovation. */
@Entity('achievements')
export class Achievement {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'studio_id', type: 'int' }) studioId: number;
  @Column({ type: 'varchar', length: 30 }) kind: string;
  @Column({ type: 'varchar', length: 20 }) level: string;
  @Column({ type: 'varchar', length: 160 }) title: string;
  @Column({ type: 'date' }) date: string;
}
