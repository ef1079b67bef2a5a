import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The reviewer's 评审意见 on a studio's assessment sheet, with who wrote it and when. One per studio. */
@Entity('assessment_reviews')
export class ReviewNote {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'studio_id', type: 'int' }) studioId: number;
  @Column({ type: 'varchar', length: 2000 }) comment: string;
  @Column({ name: 'reviewed_by', type: 'int' }) reviewedBy: number;
  @Column({ name: 'reviewed_at', type: 'datetime' }) reviewedAt: Date;
}
