import Taro from '@tarojs/taro';
import { api } from './http';
import { decodeResume, encodeResume } from '@/lib/resume';
import { clearToken, setToken } from './token';
import type { Me, Role, RoleGrant, SignInAnswer } from './api';

export type { Me, Role, RoleGrant, SignInAnswer } from './api';

const ME_KEY = 'ms.me';
const ROLE_KEY = 'ms.role';
const RESUME_KEY = 'ms.resume';
/** Roles found removed since sign-in (services/access-lost.ts); a sign-in or role switch forgets them. */
export const LOST_ROLES_KEY = 'ms.lostRoles';

export const roleKey = (g: RoleGrant) =>
  [g.role, g.studioId ?? g.unitId ?? g.jurisdictionId ?? ''].join(':');

export function cachedMe(): Me | null {
  const raw = Taro.getStorageSync(ME_KEY) as string;
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Me;
  } catch {
    return null;
  }
}

export async function loadMe(): Promise<Me> {
  return rememberMe(await api.get<Me>('/me'));
}

export function rememberMe(me: Me): Me {
  Taro.setStorageSync(ME_KEY, JSON.stringify(me));
  return me;
}

export function signedIn(answer: SignInAnswer): void {
  setToken(answer.accessToken);
  Taro.removeStorageSync(LOST_ROLES_KEY);
  Taro.setStorageSync(ME_KEY, JSON.stringify({ account: answer.account, roles: answer.roles }));
}

export function signOut(): void {
  clearToken();
  Taro.removeStorageSync(ME_KEY);
  Taro.removeStorageSync(ROLE_KEY);
  Taro.removeStorageSync(LOST_ROLES_KEY);
}

/** The role whose home is shown: the one picked last, else the first one. */
export function currentRole(me: Me | null = cachedMe()): RoleGrant | null {
  if (!me || me.roles.length === 0) return null;
  const picked = Taro.getStorageSync(ROLE_KEY) as string;
  return me.roles.find((r) => roleKey(r) === picked) ?? me.roles[0] ?? null;
}

export function pickRole(g: RoleGrant): void {
  Taro.setStorageSync(ROLE_KEY, roleKey(g));
  Taro.removeStorageSync(LOST_ROLES_KEY);
}

/** Each role's home page (leaders and team members share the studio screens). */
export function homeUrl(g: RoleGrant): string {
  switch (g.role) {
    case 'leader':
    case 'member':
      return `/pages/leader/home/index?studioId=${g.studioId ?? ''}`;
    case 'apprentice':
      return `/pages/apprentice/home/index?studioId=${g.studioId ?? ''}`;
    case 'unit_contact':
      return `/pages/unit/home/index?unitId=${g.unitId ?? ''}`;
    case 'reviewer':
      return `/pages/reviewer/home/index?jurisdictionId=${g.jurisdictionId ?? ''}`;
  }
}

export function goHome(g: RoleGrant): void {
  pickRole(g);
  void Taro.reLaunch({ url: homeUrl(g) });
}

/** Reopen `url` (a page of `role`) after the next sign-in: see lib/resume.ts. */
export function resumeAfterSignIn(url: string, role: Role): void {
  Taro.setStorageSync(RESUME_KEY, encodeResume(url, role, Date.now()));
}

/**
 * After sign-in: the page to reopen and the grant to act as, when one is pending and the account
 * holds its role (then it is used up); null otherwise.
 */
export function takeResume(me: Me): { url: string; grant: RoleGrant } | null {
  const pending = decodeResume(Taro.getStorageSync(RESUME_KEY) as string, Date.now());
  if (!pending) return null;
  const grant = me.roles.find((r) => r.role === pending.role);
  if (!grant) return null;
  Taro.removeStorageSync(RESUME_KEY);
  return { url: pending.url, grant };
}
