import { api } from './http';
import type {
  CreatedInvitation,
  InvitationList,
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
  pendingOfStudio: (studioId: number) => api.get<InvitationList>('/invitations', { studioId }),
  pendingOfUnit: (unitId: number) => api.get<InvitationList>('/invitations', { unitId }),
  revoke: (id: number) => api.del<void>(`/invitations/${id}`),
  units: (jurisdictionId: number) => api.get<UnitPage>('/units', { jurisdictionId, pageSize: 100 }),
  createUnit: (jurisdictionId: number, name: string) =>
    api.post<UnitRow>('/units', { jurisdictionId, name }),
  createStudio: (body: NewStudio) => api.post<Studio>('/studios', body),
};
