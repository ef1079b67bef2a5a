import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A sign-in identity: a WeChat openid and/or a demo username. */
@Entity('accounts')
export class Account {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'person_id', type: 'int', nullable: true }) personId: number | null;
  @Column({ type: 'varchar', length: 60 }) name: string;
  @Column({ type: 'varchar', length: 60, nullable: true }) username: string | null;
  @Column({ name: 'wechat_openid', type: 'varchar', length: 64, nullable: true }) wechatOpenid:
    string | null;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
}
