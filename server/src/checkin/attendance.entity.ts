import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One person at one activity; UNIQUE(activity_id, person_id) makes check-in idempotent. */
@Entity('attendance')
export class Attendance {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'activity_id', type: 'int' }) activityId: number;
  @Column({ name: 'person_id', type: 'int' }) personId: number;
  @Column({ name: 'studio_id', type: 'int' }) studioId: number;
  @Column({ name: 'checked_in_at', type: 'datetime' }) checkedInAt: Date;
}
