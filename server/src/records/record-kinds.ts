import type { RecordKind } from '@master-studio/shared-rules';
import { ACHIEVEMENT_RECORD } from '../achievements/achievement.record';
import { ACTIVITY_RECORD } from '../activities/activity.record';
import { APPRENTICE_RECORD } from '../apprentices/apprentice.record';
import { CERTIFICATE_RECORD } from '../certificates/certificate.record';
import { DOCUMENT_RECORD } from '../documents/document.record';
import { FUND_RECORD } from '../funds/fund.record';
import { MEMBER_RECORD } from '../members/member.record';
import type { AnyRecordDefinition } from './record-definition';

/**
 * The server's registry of record kinds: shared-rules' RECORD_KINDS (noun, path, dated-by,
 * signable, Facts list) bound to each kind's entity, DTOs and steps. A kind missing here fails
 * the typecheck. Routes (records.module.ts), sign-offs, the entity list and the audit filter
 * derive from it.
 */
export const RECORD_DEFINITIONS: { [K in RecordKind]: AnyRecordDefinition & { kind: K } } = {
  member: MEMBER_RECORD,
  apprentice: APPRENTICE_RECORD,
  certificate: CERTIFICATE_RECORD,
  activity: ACTIVITY_RECORD,
  achievement: ACHIEVEMENT_RECORD,
  fund: FUND_RECORD,
  document: DOCUMENT_RECORD,
};
