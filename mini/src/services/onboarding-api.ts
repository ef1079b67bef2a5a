import { api } from './http';
import type {
  CreatedInvitation,
  InvitationPage,
  NewInvitation,
  NewStudio,
  SignInAnswer,
  Studio,
  UnitPage,
  UnitRow,
} from './api';

export type { CreatedInvitation, Invitation, InviteRole, NewStudio, UnitRow } from './api';

/** Onboarding: units and studios (reviewer), invitation codes, and redeeming one. */
export const onboardingApi = {
  redeem: (code: string) => api.post<SignInAnswer>('/auth/redeem', { code }),
  createInvitation: (body: NewInvitation) => api.post<CreatedInvitation>('/invitations', body),
  pendingOfStudio: (studioId: number, page = 1, pageSize = 20) =>
    api.get<InvitationPage>('/invitations', { studioId, page, pageSize }),
  pendingOfUnit: (unitId: number, page = 1, pageSize = 20) =>
    api.get<InvitationPage>('/invitations', { unitId, page, pageSize }),
  revoke: (id: number) => api.del<void>(`/invitations/${id}`),
  /** A page of the jurisdiction's units, optionally those whose name contains `q`. */
  units: (jurisdictionId: number, page = 1, pageSize = 20, q = '') =>
    api.get<UnitPage>('/units', { jurisdictionId, page, pageSize, ...(q ? { q } : {}) }),
  createUnit: (jurisdictionId: number, name: string) =>
    api.post<UnitRow>('/units', { jurisdictionId, name }),
  createStudio: (body: NewStudio) => api.post<Studio>('/studios', body),
};
