/** The shared-rules contract types, under the names the app uses. */
export type {
  Facts,
  Progress,
  Target as ProgressTarget,
  AssessmentSheet as Assessment,
  AssessmentItem,
  Activity as FactActivity,
  Achievement as FactAchievement,
  Apprentice as FactApprentice,
  Certificate as FactCertificate,
  Fund as FactFund,
  StudioDocument as FactDocument,
  Member as FactMember,
} from '@master-studio/shared-rules';
