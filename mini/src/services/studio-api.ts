import { api, writeOrQueue, type WriteResult } from './http';
import type { Assessment, Facts, ProgressView } from '@/lib/facts';
import type { CheckinEntry } from '@/lib/checkin-code';
import type { RecordType } from '@/lib/records';
import type { RecordKind } from '@master-studio/shared-rules';

/** A page of a collection (docs/api.md, "Lists"). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Studio {
  id: number;
  name: string;
  trade: string;
  policyId?: string;
  status?: string;
  unitName?: string;
  jurisdictionName?: string;
  recognizedOn?: string;
  leaderName?: string;
  [k: string]: unknown;
}

export interface ActivityRow {
  id: number;
  kind: string;
  title: string;
  date: string;
  location?: string | null;
  attendance?: number;
  checkinOpen?: boolean;
  signedOff?: boolean;
  [k: string]: unknown;
}
export interface AchievementRow {
  id: number;
  kind: string;
  level: string;
  title: string;
  date: string;
  signedOff?: boolean;
  [k: string]: unknown;
}
export interface ApprenticeRow {
  id: number;
  name: string;
  joinedOn: string;
  agreementSignedOn?: string | null;
  leftOn?: string | null;
  personId?: number;
  [k: string]: unknown;
}
export interface CertificateRow {
  id: number;
  apprenticeId: number;
  apprenticeName?: string;
  level: string;
  awardedOn: string;
  number?: string | null;
  signedOff?: boolean;
  [k: string]: unknown;
}
export interface FundRow {
  id: number;
  direction: 'income' | 'spending';
  source?: string | null;
  category: string;
  amount: number;
  date: string;
  note?: string | null;
  [k: string]: unknown;
}
export interface DocumentRow {
  id: number;
  kind: string;
  year: number;
  submittedOn: string;
  title?: string | null;
  [k: string]: unknown;
}
export interface AttendanceRow {
  id: number;
  activityId: number;
  personId: number;
  personName?: string;
  name?: string;
  checkedInAt: string;
  [k: string]: unknown;
}
export type MyAttendance = AttendanceRow & {
  activityTitle?: string;
  activityDate?: string;
  activityKind?: string;
};
/** `link` (https://<host>/c/<shortCode>) is what the QR shows; servers before issue 8 sent none. */
export interface CheckinCode {
  code: string;
  shortCode?: string;
  link?: string;
  expiresAt: string;
  rotateSeconds: number;
}

export type { RecordType } from '@/lib/records';

export interface DashboardTarget {
  id: string;
  required: number;
  actual: number;
  status: string;
  [k: string]: unknown;
}
export interface DashboardItem {
  studio: { id: number; name: string; status?: string; unitName?: string; [k: string]: unknown };
  targets: DashboardTarget[];
  risk: number | string;
  [k: string]: unknown;
}

const all = { page: 1, pageSize: 100 };

export const studioApi = {
  get: (id: number) => api.get<Studio>(`/studios/${id}`),
  list: (query: Record<string, string | number | undefined>) =>
    api.get<Page<Studio>>('/studios', { ...all, ...query }),
  records: <T>(
    id: number,
    type: RecordType,
    query: Record<string, string | number | undefined> = {},
  ) => api.get<Page<T>>(`/studios/${id}/${type}`, { ...all, ...query }),
  /** One record, the same view as a row of its list (404 when it is gone or not this studio's). */
  record: <T>(id: number, type: RecordType, rid: number | string) =>
    api.get<T>(`/studios/${id}/${type}/${rid}`),
  create: <T>(
    id: number,
    type: RecordType,
    body: unknown,
    label: string,
  ): Promise<WriteResult<T>> => writeOrQueue<T>('POST', `/studios/${id}/${type}`, body, label),
  /** PATCH with only the changed fields; queued on the device when offline, like a create. */
  update: <T>(
    id: number,
    type: RecordType,
    rid: number,
    body: unknown,
    label: string,
  ): Promise<WriteResult<T>> =>
    writeOrQueue<T>('PATCH', `/studios/${id}/${type}/${rid}`, body, label),
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
    api.put<unknown>(`/studios/${id}/judgments/${itemId}`, { score, note }),
  signoff: (id: number, recordType: RecordKind, recordId: number, label: string) =>
    writeOrQueue<unknown>('POST', `/studios/${id}/signoffs`, { recordType, recordId }, label),
  openCheckin: (id: number, aid: number) =>
    api.post<CheckinCode>(`/studios/${id}/activities/${aid}/checkin`),
  currentCode: (id: number, aid: number) =>
    api.get<CheckinCode>(`/studios/${id}/activities/${aid}/checkin`),
  attendance: (id: number, aid: number) =>
    api.get<Page<AttendanceRow> | AttendanceRow[]>(`/studios/${id}/activities/${aid}/attendance`),
  unitDashboard: (unitId: number, asOf: string) =>
    api.get<{ items: DashboardItem[] }>(`/dashboards/unit/${unitId}`, { asOf }),
  jurisdictionDashboard: (jid: number, asOf: string) =>
    api.get<{ items: DashboardItem[] }>(`/dashboards/jurisdiction/${jid}`, { asOf }),
};

export const meApi = {
  attendance: () => api.get<Page<MyAttendance> | MyAttendance[]>('/me/attendance'),
  certificates: () => api.get<Page<CertificateRow> | CertificateRow[]>('/me/certificates'),
  progress: () => api.get<Record<string, unknown>>('/me/progress'),
  checkin: (entry: CheckinEntry) =>
    writeOrQueue<{ attendance: AttendanceRow; created: boolean }>(
      'POST',
      '/checkins',
      entry,
      `签到（签到码 ${'shortCode' in entry ? entry.shortCode : entry.code}）`,
    ),
};

/** Lists may come paged or bare; screens want the rows. */
export function rows<T>(x: Page<T> | T[] | undefined): T[] {
  if (!x) return [];
  return Array.isArray(x) ? x : x.items;
}
