import { api } from './http';
import type { components } from './api-types';

type Schemas = components['schemas'];
export type StudioFactsPatch = Schemas['UpdateStudioDto'];

/** The studio's own facts: the leader edits them (PATCH), the unit contact confirms them. */
export const studioFactsApi = {
  update: (studioId: number, body: StudioFactsPatch) =>
    api.patch<Schemas['StudioView']>(`/studios/${studioId}`, body),
  confirm: (studioId: number) =>
    api.post<Schemas['StudioView']>(`/studios/${studioId}/facts/confirm`),
};
