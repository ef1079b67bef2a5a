import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A human: leader, team member or apprentice. Accounts sign in as a person. */
@Entity('people')
export class Person {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 60 }) name: string;
  @Column({ name: 'birth_date', type: 'date', nullable: true }) birthDate: string | null;
  /** male | female_cadre | female_worker */
  @Column({ name: 'retirement_category', type: 'varchar', length: 20, nullable: true })
  retirementCategory: string | null;
  /** shared-rules SKILL_LEVELS code */
  @Column({ name: 'skill_level', type: 'varchar', length: 30, nullable: true }) skillLevel:
    string | null;
}
