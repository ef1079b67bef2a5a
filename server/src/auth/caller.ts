import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../accounts/role-membership.entity';

/** One role grant as carried in the access token (compact keys keep tokens small). */
export interface Grant {
  role: Role;
  studioId?: number;
  unitId?: number;
  jurisdictionId?: number;
  apprenticeId?: number;
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
  g: [Role, number | null, number | null, number | null, number | null][]; // role, studio, unit, jurisdiction, apprentice
}

export function toPayload(c: Caller): TokenPayload {
  return {
    sub: c.accountId,
    pid: c.personId,
    g: c.grants.map((g) => [g.role, g.studioId ?? null, g.unitId ?? null, g.jurisdictionId ?? null, g.apprenticeId ?? null]),
  };
}

export function fromPayload(p: TokenPayload): Caller {
  return {
    accountId: p.sub,
    personId: p.pid,
    grants: p.g.map(([role, s, u, j, a]) => ({
      role,
      ...(s !== null ? { studioId: s } : {}),
      ...(u !== null ? { unitId: u } : {}),
      ...(j !== null ? { jurisdictionId: j } : {}),
      ...(a !== null ? { apprenticeId: a } : {}),
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
