import { api, writeOrQueue, type WriteResult } from './http';
import type { Assessment, Facts, ProgressView } from '@/lib/facts';
import type { CheckinEntry } from '@/lib/checkin-code';
import type { RecordType } from '@/lib/records';
import type { RecordKind } from '@master-studio/shared-rules';
import type {
  ActivityRoster,
  AttendanceList,
  CheckinCode,
  CheckinResult,
  DashboardView,
  JudgmentView,
  MyAttendancePage,
  MyCertificatePage,
  MissingRosterPage,
  MyProgress,
  Page,
  RecordViews,
  SignoffResult,
  Studio,
  StudioPage,
} from './api';

export type { RecordType } from '@/lib/records';
export type * from './api';

type Query = Record<string, string | number | undefined>;

const all = { page: 1, pageSize: 100 };

/** The studio's routes; every answer is typed by the server's own DTOs (services/api.ts). */
export const studioApi = {
  get: (id: number) => api.get<Studio>(`/studios/${id}`),
  list: (query: Query) => api.get<StudioPage>('/studios', { ...all, ...query }),
  records: <R extends RecordType>(id: number, type: R, query: Query = {}) =>
    api.get<Page<RecordViews[R]>>(`/studios/${id}/${type}`, { ...all, ...query }),
  /** One record, the same view as a row of its list (404 when it is gone or not this studio's). */
  record: <R extends RecordType>(id: number, type: R, rid: number | string) =>
    api.get<RecordViews[R]>(`/studios/${id}/${type}/${rid}`),
  create: <R extends RecordType>(
    id: number,
    type: R,
    body: unknown,
    label: string,
  ): Promise<WriteResult<RecordViews[R]>> =>
    writeOrQueue<RecordViews[R]>('POST', `/studios/${id}/${type}`, body, label),
  /** PATCH with only the changed fields; queued on the device when offline, like a create. */
  update: <R extends RecordType>(
    id: number,
    type: R,
    rid: number,
    body: unknown,
    label: string,
  ): Promise<WriteResult<RecordViews[R]>> =>
    writeOrQueue<RecordViews[R]>('PATCH', `/studios/${id}/${type}/${rid}`, body, label),
  /** DELETE; queued when offline (a replay answered 404 counts as done: the record is gone). */
  remove: (
    id: number,
    type: RecordType,
    rid: number,
    label: string,
  ): Promise<WriteResult<unknown>> =>
    writeOrQueue<unknown>('DELETE', `/studios/${id}/${type}/${rid}`, undefined, label),
  facts: (id: number, asOf: string) => api.get<Facts>(`/studios/${id}/facts`, { asOf }),
  /**
   * Targets summarized (counts of counted / not-counted records, no lists) unless `explain`
   * names one target (the 为什么 page) or is `all`.
   */
  progress: (id: number, asOf: string, explain?: string) =>
    api.get<ProgressView>(`/studios/${id}/progress`, explain ? { asOf, explain } : { asOf }),
  assessment: (id: number, asOf: string) =>
    api.get<Assessment>(`/studios/${id}/assessment`, { asOf }),
  judge: (id: number, itemId: string, score: number, note: string) =>
    api.put<JudgmentView>(`/studios/${id}/judgments/${itemId}`, { score, note }),
  signoff: (id: number, recordType: RecordKind, recordId: number, label: string) =>
    writeOrQueue<SignoffResult>('POST', `/studios/${id}/signoffs`, { recordType, recordId }, label),
  openCheckin: (id: number, aid: number) =>
    api.post<CheckinCode>(`/studios/${id}/activities/${aid}/checkin`),
  currentCode: (id: number, aid: number) =>
    api.get<CheckinCode>(`/studios/${id}/activities/${aid}/checkin`),
  /** A page of who checked in, in the order they came; `total` counts them all. */
  attendance: (id: number, aid: number, query: Query = {}) =>
    api.get<AttendanceList>(`/studios/${id}/activities/${aid}/attendance`, query),
  /** The apprentices expected at the activity, each with whether they checked in. */
  roster: (id: number, aid: number) =>
    api.get<ActivityRoster>(`/studios/${id}/activities/${aid}/roster`),
  /** A page of those on the roster who have not checked in, with the roster's counts. */
  missing: (id: number, aid: number, query: Query = {}) =>
    api.get<MissingRosterPage>(`/studios/${id}/activities/${aid}/roster/missing`, query),
  /** The leader's late / paper sign-in (补签); adding someone already recorded answers that row. */
  addAttendance: (id: number, aid: number, personId: number) =>
    api.post<CheckinResult>(`/studios/${id}/activities/${aid}/attendance`, { personId }),
  unitDashboard: (unitId: number, asOf: string, query: Query = {}) =>
    api.get<DashboardView>(`/dashboards/unit/${unitId}`, { asOf, ...query }),
  jurisdictionDashboard: (jid: number, asOf: string, query: Query = {}) =>
    api.get<DashboardView>(`/dashboards/jurisdiction/${jid}`, { asOf, ...query }),
};

export const meApi = {
  attendance: (query: Query = {}) => api.get<MyAttendancePage>('/me/attendance', query),
  certificates: (query: Query = {}) => api.get<MyCertificatePage>('/me/certificates', query),
  progress: () => api.get<MyProgress>('/me/progress'),
  checkin: (entry: CheckinEntry) =>
    writeOrQueue<CheckinResult>(
      'POST',
      '/checkins',
      entry,
      `签到（签到码 ${'shortCode' in entry ? entry.shortCode : entry.code}）`,
    ),
};

/** The rows of a list answer (`{ items }`, paged or not); screens want the rows. */
export function rows<T>(x: { items: T[] } | T[] | undefined): T[] {
  if (!x) return [];
  return Array.isArray(x) ? x : x.items;
}
