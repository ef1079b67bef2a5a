import type { RecordPath } from '@master-studio/shared-rules';
import type { components, paths } from './api-types';

/**
 * The server's request and response shapes under the names the app uses. Every one is an
 * alias of api-types.ts, generated from the server's OpenAPI document
 * (`pnpm --filter @master-studio/mini api:types`): none is written by hand here.
 */
type Schemas = components['schemas'];

export type Studio = Schemas['StudioView'];
export type StudioPage = Schemas['StudioViewPage'];
export type ActivityRow = Schemas['ActivityView'];
export type AchievementRow = Schemas['AchievementView'];
export type ApprenticeRow = Schemas['ApprenticeView'];
export type CertificateRow = Schemas['CertificateView'];
export type FundRow = Schemas['FundView'];
export type DocumentRow = Schemas['DocumentView'];
export type MemberRow = Schemas['MemberView'];
export type AttendanceRow = Schemas['AttendeeView'];
export type AttendanceList = Schemas['AttendanceList'];
export type ActivityRoster = Schemas['ActivityRoster'];
export type RosterEntry = Schemas['RosterEntry'];
export type MissingRosterPage = Schemas['MissingRosterPage'];
export type CheckinCode = Schemas['CheckinCodeView'];
export type CheckinResult = Schemas['CheckinResult'];
export type MyAttendance = Schemas['MyAttendanceView'];
export type MyAttendancePage = Schemas['MyAttendanceViewPage'];
export type MyCertificate = Schemas['MyCertificateView'];
export type MyCertificatePage = Schemas['MyCertificateViewPage'];
export type MyProgress = Schemas['MyProgressView'];
export type MyStudioProgress = Schemas['MyStudioProgress'];
export type DashboardView = Schemas['DashboardView'];
export type DashboardItem = Schemas['DashboardItem'];
export type DashboardTarget = Schemas['DashboardTarget'];
export type JudgmentView = Schemas['JudgmentView'];
export type SignoffResult = Schemas['SignoffResult'];
export type SignoffStamp = Schemas['SignoffStamp'];
export type Me = Schemas['MeView'];
export type SignInAnswer = Schemas['SignInView'];
export type RoleGrant = Schemas['RoleView'];
export type Role = RoleGrant['role'];
export type Invitation = Schemas['InvitationView'];
export type InvitationPage = Schemas['InvitationViewPage'];
export type CreatedInvitation = Schemas['CreatedInvitationView'];
export type NewInvitation = Schemas['CreateInvitationDto'];
export type InviteRole = NewInvitation['role'];
export type UnitRow = Schemas['UnitView'];
export type UnitPage = Schemas['UnitViewPage'];
export type NewStudio = Schemas['CreateStudioDto'];
export type RoleGrantRow = Schemas['RoleGrantView'];
export type RoleGrantList = Schemas['RoleGrantListView'];
export type Inbox = Schemas['InboxView'];
export type ReminderRow = Schemas['ReminderView'];
export type Unread = Schemas['UnreadView'];
export type ReminderSettings = Schemas['ReminderSettingsView'];
export type ReminderDigest = Schemas['DigestView'];
export type ErrorBody = Schemas['ErrorBody'];
export type ErrorCode = ErrorBody['code'];

/**
 * The response DTO of each record screen's type, read off the document's own route
 * `GET /api/studios/{studioId}/<path>/{id}`: a new record kind needs no entry here.
 */
export type RecordViews = {
  [
    R in RecordPath
  ]: paths[`/api/studios/{studioId}/${R}/{id}`]['get']['responses'][200]['content']['application/json'];
};

/** A page of a collection (docs/api.md, "Lists"): the shape of every `<View>Page` schema. */
export type Page<T> = Omit<Schemas['StudioViewPage'], 'items'> & { items: T[] };
export type EvidenceFile = Schemas['EvidenceView'];
export type EvidenceList = Schemas['EvidenceViewList'];
export type EvidenceUsage = Schemas['EvidenceUsage'];
export type SheetEvidence = Schemas['SheetEvidenceView'];
export type ItemEvidence = Schemas['ItemEvidenceView'];
