import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { Reminder, WechatSubscription } from '../reminder.entities';
import { type ReminderKind, TEMPLATE_OF } from '../reminder-kinds';
import { AccessTokenStore } from './access-token.store';
import { type SubscribeMessage, SubscribeClient } from './subscribe.client';

/** WeChat error codes handled (subscribeMessage.send / getAccessToken). */
export const WX = {
  REFUSED: 43101, // user refused (or used up) the subscription: never retried
  TOKEN_INVALID: 40001,
  TOKEN_EXPIRED: 42001,
  TOKEN_MISSING: 41001,
  RATE_LIMIT: 45009, // API call limit reached
  FREQ_LIMIT: 45011, // calls too frequent
} as const;
const TOKEN_ERRORS: number[] = [WX.TOKEN_INVALID, WX.TOKEN_EXPIRED, WX.TOKEN_MISSING];
const RATE_ERRORS: number[] = [WX.RATE_LIMIT, WX.FREQ_LIMIT];
export const MAX_ATTEMPTS = 5;
/** Back-off after a rate limit or a transient failure: 1, 2, 4… minutes, at most an hour. */
export const backoffMs = (attempts: number): number =>
  Math.min(3600_000, 60_000 * 2 ** Math.max(0, attempts - 1));

/** WeChat's `thing` fields take at most 20 characters. */
const thing = (s: string): string => (s.length > 20 ? `${s.slice(0, 19)}…` : s);
const dateZh = (d: string): string =>
  `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The template fields (documented in docs/operations.md "Reminders"). */
export function templateData(
  template: 'deadline' | 'activity',
  r: Pick<Reminder, 'title' | 'dueOn' | 'body'>,
  studioName: string,
): Record<string, { value: string }> {
  if (template === 'activity')
    return {
      thing1: { value: thing(r.title.replace(/^今天有活动：/, '')) },
      date2: { value: dateZh(r.dueOn) },
      thing3: { value: thing(studioName) },
    };
  return {
    thing1: { value: thing(studioName) },
    thing2: { value: thing(r.title) },
    date3: { value: dateZh(r.dueOn) },
    thing4: { value: '点击查看并办理' },
  };
}

export interface DispatchResult {
  sent: number;
  refused: number;
  noConsent: number;
  retryLater: number;
  failed: number;
}

/**
 * Pushes due reminders as WeChat subscribe messages. Each row is claimed by one conditional
 * UPDATE (pending → sending), so two processes never send the same row; a message needs the
 * person's consent (a credit from requestSubscribeMessage) and uses it up.
 */
@Injectable()
export class PushDispatcher {
  private readonly log = new Logger('Reminders');

  constructor(
    private readonly db: DataSource,
    private readonly tokens: AccessTokenStore,
    private readonly client: SubscribeClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async dispatch(now: Date, limit = 200): Promise<DispatchResult> {
    const out: DispatchResult = { sent: 0, refused: 0, noConsent: 0, retryLater: 0, failed: 0 };
    if (!this.config.wechat.appId) return out;
    const t = now.getTime();
    const due = await this.db
      .getRepository(Reminder)
      .createQueryBuilder('r')
      .where("r.push_status = 'pending' AND r.deliver_at <= :t", { t })
      .andWhere('(r.push_next_at IS NULL OR r.push_next_at <= :t)', { t })
      .orderBy('r.id')
      .limit(limit)
      .getMany();
    for (const r of due) {
      const claimed = await this.db
        .createQueryBuilder()
        .update(Reminder)
        .set({ pushStatus: 'sending' })
        .where("id = :id AND push_status = 'pending'", { id: r.id })
        .execute();
      if ((claimed.affected ?? 0) !== 1) continue; // another process has it
      const outcome = await this.pushOne(r, now);
      out[outcome]++;
      if (outcome === 'retryLater' && r.pushError?.startsWith('rate')) break; // WeChat asks us to slow down
    }
    return out;
  }

  private async pushOne(r: Reminder, now: Date): Promise<keyof DispatchResult> {
    const template = TEMPLATE_OF[r.kind as ReminderKind] ?? 'deadline';
    const templateId = this.config.reminders.templates[template];
    const [who] = (await this.db.query(
      `SELECT a.wechat_openid, s.name FROM accounts a LEFT JOIN studios s ON s.id = ?
       WHERE a.id = ?`,
      [r.studioId, r.accountId],
    )) as { wechat_openid: string | null; name: string | null }[];
    const sub = templateId
      ? await this.db
          .getRepository(WechatSubscription)
          .findOneBy({ accountId: r.accountId, templateId })
      : null;
    if (!templateId || !who?.wechat_openid || !sub || sub.credits <= 0)
      return this.finish(r, 'no_consent', 'noConsent', null);
    const msg: SubscribeMessage = {
      touser: who.wechat_openid,
      template_id: templateId,
      page: r.route.replace(/^\//, ''),
      data: templateData(template, r, who.name ?? '辖区每周摘要'),
      miniprogram_state: this.config.reminders.miniprogramState,
      lang: 'zh_CN',
    };
    let answer: { errcode: number; errmsg: string };
    try {
      let token = await this.tokens.get(now);
      answer = await this.client.send(token, msg);
      if (TOKEN_ERRORS.includes(answer.errcode)) {
        token = await this.tokens.get(now, token); // refresh once and retry
        answer = await this.client.send(token, msg);
      }
    } catch (e) {
      answer = { errcode: -1, errmsg: e instanceof Error ? e.message : String(e) };
    }
    const subs = this.db.getRepository(WechatSubscription);
    if (answer.errcode === 0) {
      await subs.decrement({ id: sub.id }, 'credits', 1);
      return this.finish(r, 'sent', 'sent', null);
    }
    if (answer.errcode === WX.REFUSED) {
      await subs.update({ id: sub.id }, { credits: 0 });
      return this.finish(r, 'refused', 'refused', `43101 ${answer.errmsg}`);
    }
    const attempts = r.pushAttempts + 1;
    const rate = RATE_ERRORS.includes(answer.errcode);
    const error = `${rate ? 'rate ' : ''}${answer.errcode} ${answer.errmsg}`.slice(0, 200);
    if (attempts >= MAX_ATTEMPTS) {
      this.log.warn(`reminder ${r.id}: giving up after ${attempts} attempts (${error})`);
      return this.finish(r, 'failed', 'failed', error, attempts);
    }
    await this.db.getRepository(Reminder).update(
      { id: r.id },
      {
        pushStatus: 'pending',
        pushAttempts: attempts,
        pushNextAt: now.getTime() + backoffMs(attempts),
        pushError: error,
      },
    );
    r.pushError = error;
    return 'retryLater';
  }

  private async finish(
    r: Reminder,
    status: string,
    outcome: keyof DispatchResult,
    error: string | null,
    attempts = r.pushAttempts + (status === 'no_consent' ? 0 : 1),
  ): Promise<keyof DispatchResult> {
    await this.db
      .getRepository(Reminder)
      .update({ id: r.id }, { pushStatus: status, pushError: error, pushAttempts: attempts });
    return outcome;
  }
}
