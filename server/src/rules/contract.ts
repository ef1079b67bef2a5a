/**
 * The shapes of rules-contract.md that the server relies on. Kept structural (not imported
 * from shared-rules' types) so the server compiles against any build of the package that
 * honours the contract; extra fields from shared-rules pass through untouched.
 */
export interface Facts {
  policyId: string;
  studio: {
    name: string;
    trade: string;
    recognizedOn: string;
    areaSqm?: number;
    hasSign?: boolean;
    hasHonoursBoard?: boolean;
    rulesPosted?: boolean;
    dutiesDefined?: boolean;
    hasEquipment?: boolean;
    hasFundRules?: boolean;
    vetoed?: boolean;
  };
  leader: { name: string; birthDate: string; retirementCategory: string; skillLevel: string; fullTime: boolean };
  members: { name: string; skillLevel: string; fullTime: boolean; yearsInTrade?: number }[];
  apprentices: { id: string; name: string; joinedOn: string; agreementSignedOn?: string; leftOn?: string | null }[];
  certificates: { id?: string; apprenticeId: string; level: string; awardedOn: string }[];
  activities: { id: string; kind: string; date: string; attendance: number }[];
  achievements: { id: string; kind: string; date: string; level: string }[];
  funds: { id?: string; source: string; amount: number; date: string }[];
  documents: { id?: string; kind: string; year: number; submittedOn: string }[];
  judgments?: Record<string, number>;
  assessmentTotal?: number;
}

export interface Period {
  from: string;
  to: string;
}

export interface Target {
  id: string;
  required: number;
  actual: number;
  met: boolean;
  period?: Period;
  /** shared-rules' pace (always reported) */
  status: 'met' | 'on_track' | 'at_risk' | 'behind';
  label?: string;
  [extra: string]: unknown;
}

export interface Progress {
  policyId: string;
  asOf: string;
  targets: Target[];
  deadlines: { id: string; dueOn: string; done: boolean; overdue?: boolean; [extra: string]: unknown }[];
  findings: { rule: string; severity: string; message: string; [extra: string]: unknown }[];
  [extra: string]: unknown;
}

export interface AssessmentSheet {
  policyId: string;
  items: { id: string; max: number; score: number; basis: string; [extra: string]: unknown }[];
  base: { score: number; max: number };
  bonus: { score: number; max: number };
  total: number;
  maxTotal: number;
  complete: boolean;
  grade: string | null;
  period?: Period;
  [extra: string]: unknown;
}

export interface RulesModule {
  policies: ReadonlyArray<{ id: string; title: string; jurisdiction: string }>;
  evaluate: (facts: Facts, asOf: string) => Progress;
  score: (facts: Facts, asOf: string) => AssessmentSheet;
}
