/** Which roles an account lost, and how to say so (services/access-lost.ts uses these). */
import { label } from './labels';

export interface GrantLike {
  role: string;
  studioId?: number | null;
  unitId?: number | null;
  jurisdictionId?: number | null;
  studioName?: string | null;
  unitName?: string | null;
  jurisdictionName?: string | null;
}

const key = (g: GrantLike): string =>
  [g.role, g.studioId ?? g.unitId ?? g.jurisdictionId ?? ''].join(':');

/** The grants of `before` that `now` no longer holds. */
export function removedGrants<G extends GrantLike>(
  before: readonly G[],
  now: readonly GrantLike[],
): G[] {
  const held = new Set(now.map(key));
  return before.filter((g) => !held.has(key(g)));
}

/** 您的「单位联系人」（某某公司）角色已被移除… */
export function roleRemovedMessage(lost: readonly GrantLike[]): string {
  const what = lost
    .map((g) => {
      const scope = g.studioName ?? g.unitName ?? g.jurisdictionName ?? '';
      return `「${label('role', g.role)}」${scope ? `（${scope}）` : ''}`;
    })
    .join('、');
  return `您的${what}角色已被移除，无法继续访问。请重新登录，或切换到其他角色。`;
}
