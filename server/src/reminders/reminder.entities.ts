import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** BIGINT epoch milliseconds; MySQL hands BIGINT back as a string. */
const millis = {
  to: (v: number | null): number | null => v,
  from: (v: unknown): number | null => (v === null || v === undefined ? null : Number(v)),
};

/** One reminder to one person: an inbox row, and its WeChat push state. */
@Entity('reminders')
export class Reminder {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'account_id', type: 'int' }) accountId: number;
  @Column({ type: 'varchar', length: 30 }) kind: string;
  /** What it is about: `studio:3`, `studio:3:annual_plan`, `activity:9`, `jurisdiction:1`. */
  @Column({ type: 'varchar', length: 60 }) subject: string;
  @Column({ name: 'due_on', type: 'date' }) dueOn: string;
  @Column({ type: 'varchar', length: 12 }) step: string;
  @Column({ name: 'studio_id', type: 'int', nullable: true }) studioId: number | null;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'text' }) body: string;
  /** The mini-app screen where the thing is done (`/pages/...`). */
  @Column({ type: 'varchar', length: 300 }) route: string;
  @Column({ name: 'created_at', type: 'bigint', transformer: millis }) createdAt: number;
  /** Not shown or pushed before this (quiet hours). */
  @Column({ name: 'deliver_at', type: 'bigint', transformer: millis }) deliverAt: number;
  @Column({ name: 'read_at', type: 'bigint', nullable: true, transformer: millis })
  readAt: number | null;
  /** none | pending | sending | sent | refused | failed */
  @Column({ name: 'push_status', type: 'varchar', length: 12 }) pushStatus: string;
  @Column({ name: 'push_attempts', type: 'int' }) pushAttempts: number;
  @Column({ name: 'push_next_at', type: 'bigint', nullable: true, transformer: millis })
  pushNextAt: number | null;
  @Column({ name: 'push_error', type: 'varchar', length: 200, nullable: true })
  pushError: string | null;
}

@Entity('reminder_mutes')
export class ReminderMute {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'account_id', type: 'int' }) accountId: number;
  @Column({ type: 'varchar', length: 30 }) kind: string;
}

/** WeChat one-time subscriptions: each "accept" lets the server send one message of the template. */
@Entity('wechat_subscriptions')
export class WechatSubscription {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'account_id', type: 'int' }) accountId: number;
  @Column({ name: 'template_id', type: 'varchar', length: 64 }) templateId: string;
  @Column({ type: 'int' }) credits: number;
  @Column({ name: 'updated_at', type: 'bigint', transformer: millis }) updatedAt: number;
}

@Entity('wechat_tokens')
export class WechatToken {
  @PrimaryColumn({ name: 'app_id', type: 'varchar', length: 64 }) appId: string;
  @Column({ name: 'access_token', type: 'varchar', length: 600 }) accessToken: string;
  @Column({ name: 'expires_at', type: 'bigint', transformer: millis }) expiresAt: number;
  @Column({ name: 'refreshed_at', type: 'bigint', transformer: millis }) refreshedAt: number;
}

export const REMINDER_ENTITIES = [Reminder, ReminderMute, WechatSubscription, WechatToken];
