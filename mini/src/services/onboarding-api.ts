import { api } from './http';
import type { Page } from './studio-api';
import type { SignInAnswer } from './session';

export type InviteRole = 'leader' | 'unit_contact' | 'member' | 'apprentice';

export interface Invitation {
  id: number;
  role: string;
  studioId: number | null;
  studioName: string | null;
  unitId: number | null;
  unitName: string | null;
  memberId: number | null;
  apprenticeId: number | null;
  inviteeName: string | null;
  status: string;
  createdAt: string;
  expiresAt: string;
}
export interface CreatedInvitation extends Invitation {
  code: string;
}
export interface UnitRow {
  id: number;
  name: string;
  jurisdiction: { id: number; name: string; policyId: string };
  studioCount: number;
}
export interface NewStudio {
  unitId: number;
  name: string;
  trade: string;
  recognizedOn: string;
  leader: { name: string; birthDate: string; retirementCategory: string; skillLevel: string; fullTime: boolean };
}

/** Onboarding: units and studios (reviewer), invitation codes, and redeeming one. */
export const onboardingApi = {
  redeem: (code: string) => api.post<SignInAnswer>('/auth/redeem', { code }),
  createInvitation: (body: { role: InviteRole; studioId?: number; unitId?: number; memberId?: number; apprenticeId?: number }) => api.post<CreatedInvitation>('/invitations', body),
  pendingOfStudio: (studioId: number) => api.get<{ items: Invitation[] }>('/invitations', { studioId }),
  pendingOfUnit: (unitId: number) => api.get<{ items: Invitation[] }>('/invitations', { unitId }),
  revoke: (id: number) => api.del<void>(`/invitations/${id}`),
  units: (jurisdictionId: number) => api.get<Page<UnitRow>>('/units', { jurisdictionId, pageSize: 100 }),
  createUnit: (jurisdictionId: number, name: string) => api.post<UnitRow>('/units', { jurisdictionId, name }),
  createStudio: (body: NewStudio) => api.post<{ id: number; name: string; leader: { name: string } }>('/studios', body),
};
