import Taro from '@tarojs/taro';
import { api } from './http';
import { clearToken, setToken } from './token';
import type { Me, RoleGrant, SignInAnswer } from './api';

export type { Me, Role, RoleGrant, SignInAnswer } from './api';

const ME_KEY = 'ms.me';
const ROLE_KEY = 'ms.role';

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
  const me = await api.get<Me>('/me');
  Taro.setStorageSync(ME_KEY, JSON.stringify(me));
  return me;
}

export function signedIn(answer: SignInAnswer): void {
  setToken(answer.accessToken);
  Taro.setStorageSync(ME_KEY, JSON.stringify({ account: answer.account, roles: answer.roles }));
}

export function signOut(): void {
  clearToken();
  Taro.removeStorageSync(ME_KEY);
  Taro.removeStorageSync(ROLE_KEY);
}

/** The role whose home is shown: the one picked last, else the first one. */
export function currentRole(me: Me | null = cachedMe()): RoleGrant | null {
  if (!me || me.roles.length === 0) return null;
  const picked = Taro.getStorageSync(ROLE_KEY) as string;
  return me.roles.find((r) => roleKey(r) === picked) ?? me.roles[0] ?? null;
}

export function pickRole(g: RoleGrant): void {
  Taro.setStorageSync(ROLE_KEY, roleKey(g));
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
