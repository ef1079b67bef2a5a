import { PRIVACY_NOTICE_VERSION } from '@master-studio/shared-rules';
import type { components } from './api-types';
import { api } from './http';

type Schemas = components['schemas'];
export type PrivacyStatus = Schemas['PrivacyStatusView'];
export type PrivacyExport = Schemas['PrivacyExportView'];
export type PrivacyRequest = Schemas['PrivacyRequestView'];
export type DeletionResult = Schemas['DeletionView'];

const channel = (): 'weapp' | 'h5' => (process.env.TARO_ENV === 'weapp' ? 'weapp' : 'h5');

/** The privacy notice and the person's rights over their data (server privacy/). */
export const privacyApi = {
  status: () => api.get<PrivacyStatus>('/privacy/status'),
  consent: () =>
    api.post<PrivacyStatus>('/privacy/consent', {
      version: PRIVACY_NOTICE_VERSION,
      channel: channel(),
    }),
  exportMine: () => api.get<PrivacyExport>('/privacy/export'),
  myRequests: () => api.get<Schemas['PrivacyRequestViewList']>('/privacy/requests'),
  askCorrection: (message: string, studioId?: number) =>
    api.post<PrivacyRequest>('/privacy/corrections', { message, studioId }),
  deleteMine: () => api.post<DeletionResult>('/privacy/deletion', { confirm: true }),
  studioRequests: (studioId: number) =>
    api.get<Schemas['PrivacyRequestViewList']>(`/studios/${studioId}/privacy-requests`),
  resolve: (studioId: number, id: number, resolution: string) =>
    api.post<PrivacyRequest>(`/studios/${studioId}/privacy-requests/${id}/resolve`, {
      resolution,
    }),
};
