import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The studio's dedicated ledger (专门台账): money in (with its source) and spending. */
@Entity('fund_entries')
export class FundEntry {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'studio_id', type: 'int' }) studioId: number;
  /** income | spending */
  @Column({ type: 'varchar', length: 10 }) direction: 'income' | 'spending';
  /** grant | unit_matching | other for income; null for spending */
  @Column({ type: 'varchar', length: 20, nullable: true }) source: string | null;
  @Column({ type: 'varchar', length: 40 }) category: string;
  @Column({
    type: 'decimal',
    precision: 14,
    scale: 2,
    transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) },
  })
  amount: number;
  @Column({ type: 'date' }) date: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) note: string | null;
}
