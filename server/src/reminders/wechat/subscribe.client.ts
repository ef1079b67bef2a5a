import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  /** The mini-program page a tap opens, without the leading slash. */
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state: 'formal' | 'trial' | 'developer';
  lang: 'zh_CN';
}

/** WeChat's subscribeMessage.send; the base URL is configuration (WECHAT_API_BASE), as for sign-in. */
@Injectable()
export class SubscribeClient {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** WeChat's errcode (0 = sent); a network failure or a non-JSON answer is -1. */
  async send(token: string, msg: SubscribeMessage): Promise<{ errcode: number; errmsg: string }> {
    const url = `${this.config.wechat.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(msg),
        signal: AbortSignal.timeout(5000),
      });
      const body = (await res.json()) as { errcode?: number; errmsg?: string };
      return { errcode: body.errcode ?? 0, errmsg: body.errmsg ?? '' };
    } catch (e) {
      return { errcode: -1, errmsg: e instanceof Error ? e.message : String(e) };
    }
  }
}
