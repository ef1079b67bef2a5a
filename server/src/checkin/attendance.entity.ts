import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AttendanceSource = 'scan' | 'leader';

/** One person at one activity; UNIQUE(activity_id, person_id) makes check-in idempotent. */
@Entity('attendance')
export class Attendance {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'activity_id', type: 'int' }) activityId: number;
  @Column({ name: 'person_id', type: 'int' }) personId: number;
  @Column({ name: 'studio_id', type: 'int' }) studioId: number;
  @Column({ name: 'checked_in_at', type: 'datetime' }) checkedInAt: Date;
  /** 'scan': the apprentice checked in; 'leader': a late or paper sign-in added by the leader or a member. */
  @Column({ type: 'varchar', length: 10, default: 'scan' }) source: AttendanceSource;
  /** The account that added a 'leader' row; null for scans. */
  @Column({ name: 'added_by', type: 'int', nullable: true }) addedBy: number | null;
}
