import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Caller } from '../auth/caller';
import { todayInShanghai } from '../common/dates';
import { notFound, validationFailed } from '../common/domain-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { FactsLoader } from '../progress/facts.loader';
import { RulesService } from '../rules/rules.service';
import { Clock } from './clock';
import { RemindersScheduler, SCAN_LEASE } from './scheduler';
import { buildDigest, type DigestStudio } from './digest';
import { Reminder, ReminderMute, WechatSubscription } from './reminder.entities';
import { REMINDER_KIND_LABELS, REMINDER_KINDS } from './reminder-kinds';
import type {
  DigestView,
  InboxView,
  ReminderSettingsView,
  ReminderView,
  SaveReminderSettingsDto,
  SubscribeConsentDto,
  UnreadView,
} from './dto/reminder.dto';

type Row = Record<string, unknown>;

/** The caller's own inbox, settings and consents: every role has one; rows are the caller's only. */
@Injectable()
export class RemindersService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly loader: FactsLoader,
    private readonly rules: RulesService,
    private readonly scheduler: RemindersScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A demo database (SEED_DEMO) is scanned on the first open of any inbox, before the schedule's first round. */
  private async ensureScanned(): Promise<void> {
    if (!this.config.seedDemo) return;
    const ran = (await this.db.query('SELECT 1 FROM scheduler_leases WHERE name = ?', [
      SCAN_LEASE,
    ])) as unknown[];
    if (ran.length === 0) {
      await this.scheduler.tick();
      // The demo is for looking at: its first round shows at once, even inside quiet hours
      // (otherwise a demo opened after 22:00 Shanghai time shows an empty inbox until 08:00).
      const now = this.clock.now().getTime();
      await this.db.query('UPDATE reminders SET deliver_at = ? WHERE deliver_at > ?', [now, now]);
    }
  }

  async inbox(caller: Caller): Promise<InboxView> {
    await this.ensureScanned();
    const now = this.clock.now().getTime();
    const rows = (await this.db.query(
      `SELECT r.id, r.kind, r.step, r.studio_id, s.name AS studio_name, r.title, r.body, r.due_on,
              r.route, r.deliver_at, r.read_at
       FROM reminders r LEFT JOIN studios s ON s.id = r.studio_id
       WHERE r.account_id = ? AND r.deliver_at <= ?
       ORDER BY r.deliver_at DESC, r.id DESC LIMIT 100`,
      [caller.accountId, now],
    )) as Row[];
    const items: ReminderView[] = rows.map((r) => ({
      id: Number(r.id),
      kind: String(r.kind),
      step: String(r.step),
      studioId: r.studio_id === null ? null : Number(r.studio_id),
      studioName: r.studio_name === null ? null : String(r.studio_name),
      title: String(r.title),
      body: String(r.body),
      dueOn: String(r.due_on instanceof Date ? r.due_on.toISOString() : r.due_on).slice(0, 10),
      route: String(r.route),
      at: new Date(Number(r.deliver_at)).toISOString(),
      read: r.read_at !== null,
    }));
    return { ...(await this.unread(caller)), items };
  }

  async unread(caller: Caller): Promise<UnreadView> {
    await this.ensureScanned();
    const rows = (await this.db.query(
      'SELECT COUNT(*) AS n FROM reminders WHERE account_id = ? AND deliver_at <= ? AND read_at IS NULL',
      [caller.accountId, this.clock.now().getTime()],
    )) as Row[];
    return { unread: Number(rows[0]?.n ?? 0) };
  }

  async markRead(caller: Caller, id: number): Promise<UnreadView> {
    const row = await this.db
      .getRepository(Reminder)
      .findOneBy({ id, accountId: caller.accountId });
    if (!row) throw notFound('提醒');
    if (row.readAt === null)
      await this.db
        .getRepository(Reminder)
        .update({ id, accountId: caller.accountId }, { readAt: this.clock.now().getTime() });
    return this.unread(caller);
  }

  async markAllRead(caller: Caller): Promise<UnreadView> {
    const now = this.clock.now().getTime();
    await this.db
      .createQueryBuilder()
      .update(Reminder)
      .set({ readAt: now })
      .where('account_id = :a AND read_at IS NULL AND deliver_at <= :now', {
        a: caller.accountId,
        now,
      })
      .execute();
    return this.unread(caller);
  }

  async settings(caller: Caller): Promise<ReminderSettingsView> {
    const muted = new Set(
      (await this.db.getRepository(ReminderMute).findBy({ accountId: caller.accountId })).map(
        (m) => m.kind,
      ),
    );
    const { deadline, activity } = this.config.reminders.templates;
    return {
      kinds: REMINDER_KINDS.map((kind) => ({
        kind,
        label: REMINDER_KIND_LABELS[kind],
        enabled: !muted.has(kind),
      })),
      templateIds: [deadline, activity].filter((t): t is string => t !== null),
    };
  }

  async saveSettings(caller: Caller, dto: SaveReminderSettingsDto): Promise<ReminderSettingsView> {
    await this.db.transaction(async (m) => {
      await m.delete(ReminderMute, { accountId: caller.accountId });
      for (const kind of new Set(dto.muted))
        await m.insert(ReminderMute, { accountId: caller.accountId, kind });
    });
    return this.settings(caller);
  }

  /** requestSubscribeMessage's answer: each accept allows one message of that template. */
  async consent(caller: Caller, dto: SubscribeConsentDto): Promise<{ credits: number }> {
    const { deadline, activity } = this.config.reminders.templates;
    if (dto.templateId !== deadline && dto.templateId !== activity)
      throw validationFailed({ templateId: '不是服务器配置的订阅消息模板' });
    const repo = this.db.getRepository(WechatSubscription);
    const now = this.clock.now().getTime();
    await this.db
      .createQueryBuilder()
      .insert()
      .into(WechatSubscription)
      .values({
        accountId: caller.accountId,
        templateId: dto.templateId,
        credits: 0,
        updatedAt: now,
      })
      .orIgnore()
      .execute();
    const where = { accountId: caller.accountId, templateId: dto.templateId };
    if (dto.accepted) await repo.increment(where, 'credits', 1);
    else await repo.update(where, { credits: 0 });
    await repo.update(where, { updatedAt: now });
    return { credits: (await repo.findOneByOrFail(where)).credits };
  }

  /** The reviewer's digest, computed now (the weekly inbox row is the same, stored). */
  async digest(caller: Caller, jurisdictionId: number): Promise<DigestView> {
    await this.access.requireJurisdiction(caller, jurisdictionId);
    const asOf = todayInShanghai(this.clock.now());
    const studios: DigestStudio[] = [];
    for (const { head, facts } of (await this.loader.load({ jurisdictionId }, asOf)).values()) {
      if (head.status === 'revoked' || head.status === 'expired') continue;
      try {
        studios.push({
          id: head.id,
          name: head.name,
          unitName: head.unitName,
          progress: this.rules.evaluate(facts, asOf),
        });
      } catch {
        // A studio whose facts shared-rules rejects shows on the dashboard with its error.
      }
    }
    return { asOf, ...buildDigest(asOf, studios) };
  }
}
