/**
 * @master-studio/shared-rules: the five skill-master-studio policies as pure, explainable rules.
 * No framework, database, HTTP or clock: `asOf` is always an argument.
 */
export { evaluate } from './evaluate.js';
export { score } from './score.js';
export { evidenceRefs, type EvidenceRef } from './scoring/evidence-refs.js';
export { gradeRange } from './scoring/grade.js';
export { validateFacts, validateAsOf, FactsValidationError } from './validation.js';
export { policies, POLICY_DEFINITIONS, POLICY_IDS, getPolicy } from './policies/index.js';
export * from './vocabulary.js';
export { skillRank, isAtLeast } from './skill-levels.js';
export { LABELS_ZH, type LabelsZh } from './labels.js';
export {
  RECORD_KINDS,
  RECORD_KIND_NAMES,
  SIGNABLE_KINDS,
  NON_RECORD_AUDIT_KINDS,
  AUDIT_KINDS,
  kindOfPath,
  type RecordKind,
  type RecordKindInfo,
  type RecordPath,
  type AuditKind,
} from './record-kinds.js';
export { itemLabelsZh, ITEM_LABELS_ZH } from './item-labels.js';
export { signoffOpensOn, signoffTooEarlyReason } from './signoff.js';
export { citeZh, POLICY_SHORT_NAMES_ZH } from './citations.js';
export {
  statutoryRetirement,
  retirementAsOf,
  retirementDelayMonths,
  hasYearsBeforeRetirement,
  RETIREMENT_SCHEDULES,
  type StatutoryRetirement,
  type RetirementSchedule,
} from './retirement.js';
export { isIsoDate, addDays, addMonths, addYears, monthsBetween, daysBetween } from './dates.js';
export { cycleContaining, yearOfAsOf, yearsTouched } from './periods.js';
export { pace, AT_RISK_RATIO, GRACE_FRACTION, type Pace } from './pace.js';
export {
  studioNameMatches,
  studioNameCheck,
  type StudioNameProblem,
} from './findings/studio-name.js';
export { PRIVACY_NOTICE_VERSION, PRIVACY_RETENTION_YEARS_AFTER_STUDIO_END } from './privacy.js';
export type * from './types.js';
export type {
  PolicyDefinition,
  TargetSpec,
  ItemSpec,
  DeadlineSpec,
  FindingSpec,
  AssessmentSpec,
  Ambiguity,
  Evidence,
  GradeThreshold,
  AnnexForm,
  AnnexRow,
} from './policy-definition.js';
export {
  DEADLINE_REMINDER_DAYS,
  INACTIVITY_REMINDER_MONTHS,
  SIGNOFF_REMINDER_DAYS,
  JUDGED_ITEMS_REMINDER_DAYS,
  RECTIFICATION,
  deadlineStep,
  deadlineReminders,
  laggingTargets,
  inactivityReminder,
  signoffOverdueBefore,
  judgedItemsReminder,
  rectificationDueOn,
  stepPhraseZh,
  type DeadlineStep,
  type InactivityReminder,
} from './reminders.js';
export {
  EVIDENCE_NEEDS,
  FACILITY_KINDS,
  FACILITY_LABELS_ZH,
  evidenceNeedsOf,
  type EvidenceNeed,
  type FacilityKind,
} from './evidence-needs.js';
export { RULES_VERSION } from './rules-version.js';
