import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A team member of a studio (the leader is not one: see Studio.leaderPersonId). */
@Entity('team_members')
export class TeamMember {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'studio_id', type: 'int' }) studioId: number;
  @Column({ name: 'person_id', type: 'int' }) personId: number;
  @Column({ name: 'full_time', type: 'boolean', default: true }) fullTime: boolean;
  @Column({ name: 'years_in_trade', type: 'int', nullable: true }) yearsInTrade: number | null;
  @Column({ name: 'joined_on', type: 'date', nullable: true }) joinedOn: string | null;
  @Column({ name: 'left_on', type: 'date', nullable: true }) leftOn: string | null;
}
