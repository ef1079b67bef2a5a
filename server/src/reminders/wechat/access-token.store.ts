import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { DbLease } from '../../common/lease/db-lease';
import { WechatToken } from '../reminder.entities';

/** Refresh this long before WeChat's expiry (its tokens last 7200 s). */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * WeChat's access token (auth.getAccessToken), cached ONCE for all server processes in the
 * database (`wechat_tokens`) and refreshed before it expires. A refresh is taken under a lease so
 * that two processes do not both ask WeChat (each new token invalidates the previous one).
 * Kept small on purpose: a shared store (e.g. Redis) can replace this one class.
 */
@Injectable()
export class AccessTokenStore {
  constructor(
    private readonly db: DataSource,
    private readonly lease: DbLease,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A valid token; `stale` (one WeChat just rejected) forces a refresh unless another process already did. */
  async get(now: Date, stale?: string): Promise<string> {
    const { appId } = this.credentials();
    for (let attempt = 0; attempt < 50; attempt++) {
      const row = await this.db.getRepository(WechatToken).findOneBy({ appId });
      if (row && row.accessToken !== stale && row.expiresAt - REFRESH_MARGIN_MS > now.getTime())
        return row.accessToken;
      const refresh = await this.lease.run(
        `wechat-token:${appId}`.slice(0, 40),
        15_000,
        now,
        async () => {
          const again = await this.db.getRepository(WechatToken).findOneBy({ appId });
          if (
            again &&
            again.accessToken !== stale &&
            again.expiresAt - REFRESH_MARGIN_MS > now.getTime()
          )
            return again.accessToken;
          return this.fetchAndStore(now);
        },
      );
      if (refresh.ran) return refresh.value;
      await new Promise((r) => setTimeout(r, 200)); // another process is refreshing
    }
    throw new Error('WeChat access token: gave up waiting for another process to refresh it');
  }

  private credentials(): { appId: string; secret: string } {
    const { appId, secret } = this.config.wechat;
    if (!appId || !secret) throw new Error('WECHAT_APPID / WECHAT_SECRET are not configured');
    return { appId, secret };
  }

  private async fetchAndStore(now: Date): Promise<string> {
    const { appId, secret } = this.credentials();
    const url = new URL(`${this.config.wechat.apiBase}/cgi-bin/token`);
    url.search = new URLSearchParams({
      grant_type: 'client_credential',
      appid: appId,
      secret,
    }).toString();
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    const body = (await res.json()) as {
      access_token?: string;
      expires_in?: number;
      errcode?: number;
      errmsg?: string;
    };
    if (!body.access_token || !body.expires_in)
      throw new Error(`WeChat token: ${body.errcode ?? res.status} ${body.errmsg ?? ''}`.trim());
    const row = {
      appId,
      accessToken: body.access_token,
      expiresAt: now.getTime() + body.expires_in * 1000,
      refreshedAt: now.getTime(),
    };
    await this.db.getRepository(WechatToken).save(row);
    return row.accessToken;
  }
}
