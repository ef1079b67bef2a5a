import { api } from './http';
import type { RoleGrantList } from './api';

export type { RoleGrantRow } from './api';

/** Who holds a role the caller may remove (reviewer: leader, unit contacts; leader: team, apprentices). */
export const rolesApi = {
  ofStudio: (studioId: number) => api.get<RoleGrantList>(`/studios/${studioId}/roles`),
  ofUnit: (unitId: number) => api.get<RoleGrantList>(`/units/${unitId}/roles`),
  remove: (id: number) => api.del<void>(`/roles/${id}`),
};
