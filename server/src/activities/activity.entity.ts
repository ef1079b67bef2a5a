import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A studio activity (training, exchange, project…). Attendance rows plus walk-ins give person-times. */
@Entity('activities')
export class Activity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'studio_id', type: 'int' }) studioId: number;
  @Column({ type: 'varchar', length: 30 }) kind: string;
  @Column({ type: 'varchar', length: 120 }) title: string;
  @Column({ type: 'date' }) date: string;
  @Column({ type: 'varchar', length: 120, nullable: true }) location: string | null;
  /** People who attended without checking in (e.g. trainees from outside the roster). */
  @Column({ name: 'extra_attendance', type: 'int', default: 0 }) extraAttendance: number;
  /** Set while check-in is open; codes are only issued then. */
  @Column({ name: 'checkin_open', type: 'boolean', default: false }) checkinOpen: boolean;
}
