import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const STUDIO_STATUSES = ['active', 'rectification', 'revoked', 'expired'] as const;
export type StudioStatus = (typeof STUDIO_STATUSES)[number];

/** A 技能大师工作室. The leader is a person; the checklist booleans are `null` when not recorded. */
@Entity('studios')
export class Studio {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ type: 'varchar', length: 60 }) trade: string;
  @Column({ name: 'unit_id', type: 'int' }) unitId: number;
  @Column({ name: 'jurisdiction_id', type: 'int' }) jurisdictionId: number;
  @Column({ name: 'leader_person_id', type: 'int' }) leaderPersonId: number;
  @Column({ name: 'leader_full_time', type: 'boolean', default: true }) leaderFullTime: boolean;
  @Column({ name: 'recognized_on', type: 'date' }) recognizedOn: string;
  @Column({ type: 'varchar', length: 20, default: 'active' }) status: StudioStatus;
  @Column({ name: 'area_sqm', type: 'int', nullable: true }) areaSqm: number | null;
  @Column({ name: 'has_sign', type: 'boolean', nullable: true }) hasSign: boolean | null;
  @Column({ name: 'has_honours_board', type: 'boolean', nullable: true }) hasHonoursBoard:
    boolean | null;
  @Column({ name: 'rules_posted', type: 'boolean', nullable: true }) rulesPosted: boolean | null;
  @Column({ name: 'duties_defined', type: 'boolean', nullable: true }) dutiesDefined:
    boolean | null;
  @Column({ name: 'has_equipment', type: 'boolean', nullable: true }) hasEquipment: boolean | null;
  @Column({ name: 'has_fund_rules', type: 'boolean', nullable: true }) hasFundRules: boolean | null;
  @Column({ type: 'boolean', nullable: true }) vetoed: boolean | null;
  /** yuzhong-2023 only: the panel's total score. */
  @Column({
    name: 'assessment_total',
    type: 'decimal',
    precision: 6,
    scale: 2,
    nullable: true,
    transformer: {
      to: (v: number | null) => v,
      from: (v: string | number | null) => (v === null ? null : Number(v)),
    },
  })
  assessmentTotal: number | null;
  /** The unit contact who confirmed the name and facilities, and when; null until confirmed or after a change. */
  @Column({ name: 'facts_confirmed_by', type: 'int', nullable: true }) factsConfirmedBy:
    number | null;
  @Column({ name: 'facts_confirmed_at', type: 'datetime', nullable: true })
  factsConfirmedAt: Date | null;
}
