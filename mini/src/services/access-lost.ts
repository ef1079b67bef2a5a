/**
 * "Your role was removed": a removed grant stops at once on the server (issue 10), which then
 * answers the old token's requests in that scope with 404 (nothing leaks) or 403. The request
 * wrapper asks this module after such an answer; it compares the account's roles now (GET /me)
 * with the ones the app signed in with, and if one is gone the failed call surfaces as
 * ROLE_REMOVED with a Chinese message naming the role, which StateView shows as a refused state
 * with "重新登录" / "切换角色" instead of a bare "不存在".
 */
import Taro from '@tarojs/taro';
import { removedGrants, roleRemovedMessage } from '@/lib/access-lost';
import { ApiError } from './errors';
import { request, setAccessLostCheck } from './http';
import { LOST_ROLES_KEY, cachedMe, rememberMe, type Me, type RoleGrant } from './session';

export const ROLE_REMOVED = 'ROLE_REMOVED';

export function lostRoles(): RoleGrant[] {
  const raw = Taro.getStorageSync(LOST_ROLES_KEY) as string;
  if (!raw) return [];
  try {
    return JSON.parse(raw) as RoleGrant[];
  } catch {
    return [];
  }
}

export const isRoleRemoved = (e: unknown): boolean =>
  e instanceof ApiError && e.code === ROLE_REMOVED;

/** The roles the account still holds, when it has other roles to switch to. */
export function remainingRoles(): RoleGrant[] {
  return cachedMe()?.roles ?? [];
}

let pending: Promise<ApiError | null> | null = null;

async function check(status: number): Promise<ApiError | null> {
  const before = cachedMe();
  let now: Me;
  try {
    now = await request<Me>('GET', '/me');
  } catch {
    return null;
  }
  const gone = removedGrants(before?.roles ?? [], now.roles);
  rememberMe(now);
  const lost = [...lostRoles(), ...gone];
  if (gone.length) Taro.setStorageSync(LOST_ROLES_KEY, JSON.stringify(lost));
  return lost.length ? new ApiError(status, ROLE_REMOVED, roleRemovedMessage(lost)) : null;
}

/** Registers the check with the request wrapper (once, at launch). */
export function installAccessLostCheck(): void {
  setAccessLostCheck((status) => {
    // Several calls of one screen fail together: one GET /me answers them all.
    if (!pending) pending = check(status).finally(() => setTimeout(() => (pending = null), 2000));
    return pending;
  });
}
