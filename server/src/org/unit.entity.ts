import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The host unit (申办单位 / 所在单位) of one or more studios. */
@Entity('units')
export class Unit {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ name: 'jurisdiction_id', type: 'int' }) jurisdictionId: number;
}
