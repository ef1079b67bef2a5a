import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A reviewer's score for a judged assessment item (e.g. U10). One per studio and item. */
@Entity('judgments')
export class Judgment {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'studio_id', type: 'int' }) studioId: number;
  @Column({ name: 'item_id', type: 'varchar', length: 10 }) itemId: string;
  @Column({
    type: 'decimal',
    precision: 6,
    scale: 2,
    transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) },
  })
  score: number;
  @Column({ type: 'varchar', length: 500, nullable: true }) note: string | null;
  @Column({ name: 'judged_by', type: 'int' }) judgedBy: number;
  @Column({ name: 'judged_at', type: 'datetime' }) judgedAt: Date;
}
