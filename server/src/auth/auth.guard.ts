import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AccessService } from '../access/access.service';
import { DomainError } from '../common/domain-error';
import { fromPayload, IS_PUBLIC, type RequestWithCaller, type TokenPayload } from './caller';

/** Global guard: every route needs a valid Bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly access: AccessService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]))
      return true;
    const req = ctx.switchToHttp().getRequest<RequestWithCaller>();
    const header = req.headers.authorization;
    const token =
      typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : null;
    if (!token) throw new DomainError('UNAUTHENTICATED', '请先登录');
    let payload: TokenPayload;
    try {
      payload = this.jwt.verify<TokenPayload>(token);
    } catch {
      throw new DomainError('UNAUTHENTICATED', '登录已过期或无效，请重新登录');
    }
    if (typeof payload.sub !== 'number' || !Array.isArray(payload.g))
      throw new DomainError('UNAUTHENTICATED', '登录已过期或无效，请重新登录');
    // Member and apprentice grants count only while their record exists and has not left.
    req.caller = await this.access.effectiveCaller(fromPayload(payload));
    return true;
  }
}
