import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../accounts/role-membership.entity';

/** One role grant as carried in the access token (compact keys keep tokens small). */
export interface Grant {
  role: Role;
  studioId?: number;
  unitId?: number;
  jurisdictionId?: number;
  apprenticeId?: number;
  /** member grants: the team-member record the grant is bound to. */
  memberId?: number;
}

/** The signed-in account a request acts for. */
export interface Caller {
  accountId: number;
  personId: number | null;
  grants: Grant[];
}

export interface TokenPayload {
  sub: number;
  pid: number | null;
  // role, studio, unit, jurisdiction, apprentice, team member (absent in tokens issued before members were bound)
  g: [Role, number | null, number | null, number | null, number | null, (number | null)?][];
}

export function toPayload(c: Caller): TokenPayload {
  return {
    sub: c.accountId,
    pid: c.personId,
    g: c.grants.map((g): TokenPayload['g'][number] =>
      g.memberId !== undefined
        ? [
            g.role,
            g.studioId ?? null,
            g.unitId ?? null,
            g.jurisdictionId ?? null,
            g.apprenticeId ?? null,
            g.memberId,
          ]
        : [
            g.role,
            g.studioId ?? null,
            g.unitId ?? null,
            g.jurisdictionId ?? null,
            g.apprenticeId ?? null,
          ],
    ),
  };
}

export function fromPayload(p: TokenPayload): Caller {
  return {
    accountId: p.sub,
    personId: p.pid,
    grants: p.g.map(([role, s, u, j, a, m]) => ({
      role,
      ...(s !== null ? { studioId: s } : {}),
      ...(u !== null ? { unitId: u } : {}),
      ...(j !== null ? { jurisdictionId: j } : {}),
      ...(a !== null ? { apprenticeId: a } : {}),
      ...(m !== null && m !== undefined ? { memberId: m } : {}),
    })),
  };
}

export const IS_PUBLIC = 'isPublic';
/** Marks a route that needs no access token (sign-in, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export interface RequestWithCaller {
  headers: Record<string, string | string[] | undefined>;
  caller?: Caller;
  ip?: string;
}

export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const req = ctx.switchToHttp().getRequest<RequestWithCaller>();
  if (!req.caller) throw new Error('CurrentCaller used on a public route');
  return req.caller;
});
