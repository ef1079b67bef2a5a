import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A reviewer's override of an assessment item's score (an automatic item the facts get wrong,
 * e.g. 拱墅 G3 “未建立经费管理办法和账目” for a studio that keeps a ledger), with the reason.
 * One per studio and item; applied by shared-rules when the sheet is scored (Facts.overrides).
 */
@Entity('assessment_overrides')
export class AssessmentOverride {
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
  @Column({ type: 'varchar', length: 500 }) reason: string;
  @Column({ name: 'overridden_by', type: 'int' }) overriddenBy: number;
  @Column({ name: 'overridden_at', type: 'datetime' }) overriddenAt: Date;
}
