import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An apprentice on a studio's roster, with the mentoring agreement's dates. */
@Entity('apprentices')
export class Apprentice {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'studio_id', type: 'int' }) studioId: number;
  @Column({ name: 'person_id', type: 'int' }) personId: number;
  @Column({ name: 'joined_on', type: 'date' }) joinedOn: string;
  @Column({ name: 'agreement_signed_on', type: 'date', nullable: true }) agreementSignedOn:
    string | null;
  @Column({ name: 'left_on', type: 'date', nullable: true }) leftOn: string | null;
}
