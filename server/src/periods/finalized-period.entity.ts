import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A reviewer finalized a studio's assessment for [periodFrom, periodTo]; its records are read-only. */
@Entity('finalized_periods')
export class FinalizedPeriod {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'studio_id', type: 'int' }) studioId: number;
  @Column({ name: 'period_from', type: 'date' }) periodFrom: string;
  @Column({ name: 'period_to', type: 'date' }) periodTo: string;
  @Column({ name: 'finalized_by', type: 'int' }) finalizedBy: number;
  @Column({ name: 'finalized_at', type: 'datetime' }) finalizedAt: Date;
  /** JSON: the assessment sheet at finalization. */
  @Column({ type: 'text' }) sheet: string;
  /**
   * JSON: the undated facts the sheet was scored on (progress/undated-facts.ts); FactsLoader
   * uses them for any day of the period. null on rows finalized before they were kept.
   */
  @Column({ type: 'text', nullable: true }) undated: string | null;
}
