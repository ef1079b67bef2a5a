import { Account } from '../accounts/account.entity';
import { Person } from '../accounts/person.entity';
import { RoleMembership } from '../accounts/role-membership.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Attendance } from '../checkin/attendance.entity';
import { Evidence, EvidenceSettings } from '../evidence/evidence.entity';
import { Invitation } from '../invitations/invitation.entity';
import { Judgment } from '../judgments/judgment.entity';
import { Jurisdiction } from '../org/jurisdiction.entity';
import { Unit } from '../org/unit.entity';
import { FinalizedPeriod } from '../periods/finalized-period.entity';
import { IdempotencyKey } from '../common/idempotency-key.entity';
import { SchedulerLease } from '../common/lease/scheduler-lease.entity';
import { RECORD_DEFINITIONS } from '../records/record-kinds';
import { Signoff } from '../signoffs/signoff.entity';
import { Studio } from '../studios/studio.entity';
import { REMINDER_ENTITIES } from '../reminders/reminder.entities';
import { Reminders1768200000000 } from './migrations/1768200000000-Reminders';
import { InitialSchema1767225600000 } from './migrations/1767225600000-InitialSchema';
import { IdempotencyKeys1767312000000 } from './migrations/1767312000000-IdempotencyKeys';
import { Invitations1767484800000 } from './migrations/1767484800000-Invitations';
import { ActivitiesCheckinIndex1767571200000 } from './migrations/1767571200000-ActivitiesCheckinIndex';
import { RoleMembershipTeamMember1767657600000 } from './migrations/1767657600000-RoleMembershipTeamMember';
import { AuditChain1767830400000 } from './migrations/1767830400000-AuditChain';
import { AttendanceSource1767916800000 } from './migrations/1767916800000-AttendanceSource';
import { FinalizedUndatedFacts1768000000000 } from './migrations/1768000000000-FinalizedUndatedFacts';
import { Privacy1768400000000 } from './migrations/1768400000000-Privacy';
import { PRIVACY_ENTITIES } from '../privacy/privacy.entities';
import { Evidence1768100000000 } from './migrations/1768100000000-Evidence';
import { MeetingForm1768600000000 } from './migrations/1768600000000-MeetingForm';
import { ProgressSnapshots1768750000000 } from './migrations/1768750000000-ProgressSnapshots';
import { AssessmentOverride } from '../review/assessment-override.entity';
import { ReviewNote } from '../review/review-note.entity';

/** Every entity: the record kinds' (records/record-kinds.ts) and the rest. */
export const ENTITIES = [
  ...Object.values(RECORD_DEFINITIONS).map((d) => d.entity),
  Jurisdiction,
  Unit,
  Studio,
  Person,
  Account,
  RoleMembership,
  Attendance,
  Judgment,
  Signoff,
  FinalizedPeriod,
  AuditEntry,
  IdempotencyKey,
  SchedulerLease,
  Invitation,
  ...REMINDER_ENTITIES,
  ...PRIVACY_ENTITIES,
  Evidence,
  EvidenceSettings,
  AssessmentOverride,
  ReviewNote,
];

export const MIGRATIONS = [
  InitialSchema1767225600000,
  IdempotencyKeys1767312000000,
  Invitations1767484800000,
  ActivitiesCheckinIndex1767571200000,
  RoleMembershipTeamMember1767657600000,
  AuditChain1767830400000,
  AttendanceSource1767916800000,
  FinalizedUndatedFacts1768000000000,
  Evidence1768100000000,
  Reminders1768200000000,
  Privacy1768400000000,
  MeetingForm1768600000000,
  ProgressSnapshots1768750000000,
];
