import { api } from './http';
import type { components } from './api-types';

type Schemas = components['schemas'];
export type ReviewView = Schemas['ReviewView'];
export type OverrideView = Schemas['OverrideView'];
export type ReviewCommentView = Schemas['ReviewCommentView'];
export type EvidenceRecord = Schemas['EvidenceRecordView'];
export type PeriodView = Schemas['PeriodView'];

/** The reviewer's meeting form around the assessment sheet (server/src/review, periods). */
export const reviewApi = {
  get: (studioId: number, asOf: string) =>
    api.get<ReviewView>(`/studios/${studioId}/review`, { asOf }),
  comment: (studioId: number, comment: string) =>
    api.put<ReviewCommentView>(`/studios/${studioId}/review/comment`, { comment }),
  override: (studioId: number, itemId: string, score: number, reason: string) =>
    api.put<OverrideView>(`/studios/${studioId}/overrides/${itemId}`, { score, reason }),
  removeOverride: (studioId: number, itemId: string) =>
    api.del<unknown>(`/studios/${studioId}/overrides/${itemId}`),
  periods: (studioId: number) => api.get<Schemas['PeriodViewList']>(`/studios/${studioId}/periods`),
  /** 定稿 the period the sheet is for (the policy's cycle as of asOf). */
  finalize: (studioId: number, asOf: string) =>
    api.post<PeriodView>(`/studios/${studioId}/periods/current/finalize?asOf=${asOf}`),
};
