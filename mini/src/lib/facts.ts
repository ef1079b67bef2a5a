/**
 * The shapes of the shared-rules contract (docs: rules-contract), as far as the
 * app reads them. The package's own types are richer; these are what the
 * screens rely on, so a change there shows up here at compile time.
 */
export type ActivityKind =
  | 'training'
  | 'internal_exchange'
  | 'industry_exchange'
  | 'tech_project'
  | 'renovation'
  | 'social_service'
  | 'school_cooperation'
  | 'competition';
export type AchievementKind = 'patent' | 'award' | 'media' | 'publication' | 'innovation';
export type RecordLevel = 'national' | 'provincial' | 'city' | 'district' | 'unit';
export type FundSource = 'grant' | 'unit_matching' | 'other';
export type DocumentKind = 'annual_plan' | 'annual_summary' | 'mentoring_plan';

export interface FactActivity { id: string; kind: ActivityKind; date: string; attendance: number }
export interface FactAchievement { id: string; kind: AchievementKind; date: string; level: RecordLevel }
export interface FactApprentice { id: string; name: string; joinedOn: string; agreementSignedOn?: string | null; leftOn?: string | null }
export interface FactCertificate { apprenticeId: string; level: string; awardedOn: string }
export interface FactFund { source: FundSource; amount: number; date: string }
export interface FactDocument { kind: DocumentKind; year: number; submittedOn: string }

export interface Facts {
  policyId: string;
  studio: { name: string; trade: string; recognizedOn: string; [k: string]: unknown };
  leader: Record<string, unknown>;
  members: Array<Record<string, unknown>>;
  apprentices: FactApprentice[];
  certificates: FactCertificate[];
  activities: FactActivity[];
  achievements: FactAchievement[];
  funds: FactFund[];
  documents: FactDocument[];
  judgments?: Record<string, number>;
  assessmentTotal?: number;
}

export interface Explanation {
  /** Free text from shared-rules; the app shows it as given. */
  message?: string;
  reason?: string;
  counted?: boolean;
  [k: string]: unknown;
}

export interface ProgressTarget {
  id: string;
  required: number;
  actual: number;
  met: boolean;
  period?: { from: string; to: string };
  label?: string;
  explanations?: unknown;
  [k: string]: unknown;
}

export interface Progress {
  policyId: string;
  asOf: string;
  targets: ProgressTarget[];
  deadlines: Array<{ id: string; dueOn: string; done: boolean; [k: string]: unknown }>;
  findings: Array<{ rule: string; severity: 'required' | 'advisory'; message: string; [k: string]: unknown }>;
}

export interface AssessmentItem {
  id: string;
  max: number;
  score: number;
  basis: 'auto' | 'judged' | 'pending';
  label?: string;
  explanation?: unknown;
  [k: string]: unknown;
}

export interface Assessment {
  policyId: string;
  items: AssessmentItem[];
  base: { score: number; max: number };
  bonus: { score: number; max: number };
  total: number;
  maxTotal: number;
  complete: boolean;
  grade: 'excellent' | 'pass' | 'fail' | null;
  [k: string]: unknown;
}
