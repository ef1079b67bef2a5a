import type { Progress as FullProgress, Target as FullTarget } from '@master-studio/shared-rules';

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

/** The record lists that `GET /progress` leaves out unless asked (`explain=<targetId>` or `all`). */
type TargetLists = 'counted' | 'countedRecords' | 'excluded';

/**
 * A target as `GET /studios/:id/progress` answers it by default: every field but the record
 * lists, with their counts instead. A full target (explain, or evaluated on the device) fits too.
 */
export type ProgressTargetSummary = Omit<FullTarget, TargetLists> &
  Partial<Pick<FullTarget, TargetLists>> & {
    countedCount?: number;
    excludedCount?: number;
    excludedByReason?: Record<string, number>;
  };

/** Progress from the server: summarized targets unless their explanation was asked for. */
export type ProgressView = Omit<FullProgress, 'targets'> & { targets: ProgressTargetSummary[] };
