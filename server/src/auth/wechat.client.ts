import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { DomainError } from '../common/domain-error';

interface Code2SessionAnswer {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/** WeChat's code-to-session API (auth.code2Session); the base URL is configuration. */
@Injectable()
export class WechatClient {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async code2Session(code: string): Promise<{ openid: string }> {
    const { apiBase, appId, secret } = this.config.wechat;
    if (!appId || !secret) throw new DomainError('WECHAT_NOT_CONFIGURED', '服务器未配置微信登录');
    const url = new URL(`${apiBase}/sns/jscode2session`);
    url.search = new URLSearchParams({
      appid: appId,
      secret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    let body: Code2SessionAnswer;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      body = (await res.json()) as Code2SessionAnswer;
    } catch {
      throw new DomainError('WECHAT_SIGNIN_FAILED', '暂时无法连接微信服务器，请稍后重试');
    }
    if (body.errcode || !body.openid)
      throw new DomainError('WECHAT_SIGNIN_FAILED', '微信登录凭证无效或已过期，请重新登录');
    return { openid: body.openid };
  }
}
