import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { RequestWithCaller } from './caller';

export const SIGNIN_THROTTLE = 'signin';
export const CHECKIN_THROTTLE = 'checkin';

/** Rate limits sign-in per client address and check-in per signed-in account. */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const r = req as unknown as RequestWithCaller;
    return r.caller ? `account:${r.caller.accountId}` : `ip:${r.ip ?? 'unknown'}`;
  }
}
