/**
 * The JSON shapes of rules-contract.md: Facts in, Progress and AssessmentSheet out.
 * Fields beyond the contract are marked "extra"; the contract's own fields keep their names.
 */
import type {
  AchievementKind,
  AchievementLevel,
  ActivityKind,
  DeadlineId,
  DocumentKind,
  ExclusionReason,
  FindingRule,
  FundSource,
  Grade,
  ItemBasis,
  PaceStatus,
  RetirementCategory,
  Severity,
  SkillLevel,
  TargetId,
} from './vocabulary.js';

/** `YYYY-MM-DD`. */
export type IsoDate = string;

export interface Studio {
  name: string;
  trade: string;
  recognizedOn: IsoDate;
  areaSqm?: number | null;
  hasSign?: boolean | null;
  hasHonoursBoard?: boolean | null;
  rulesPosted?: boolean | null;
  dutiesDefined?: boolean | null;
  hasEquipment?: boolean | null;
  hasFundRules?: boolean | null;
  vetoed?: boolean | null;
}

export interface Leader {
  name: string;
  birthDate: IsoDate;
  retirementCategory: RetirementCategory;
  skillLevel: SkillLevel;
  fullTime?: boolean | null;
}

export interface Member {
  name: string;
  skillLevel: SkillLevel;
  fullTime: boolean;
  yearsInTrade?: number | null;
}

export interface Apprentice {
  id: string;
  name: string;
  joinedOn: IsoDate;
  agreementSignedOn?: IsoDate | null;
  leftOn?: IsoDate | null;
}

export interface Certificate {
  /** extra: optional stable id; `certificates[i]` otherwise. */
  id?: string | null;
  apprenticeId: string;
  level: SkillLevel;
  awardedOn: IsoDate;
}

export interface Activity {
  id: string;
  kind: ActivityKind;
  date: IsoDate;
  attendance: number;
}

export interface Achievement {
  id: string;
  kind: AchievementKind;
  date: IsoDate;
  level: AchievementLevel;
}

export interface Fund {
  id?: string | null;
  source: FundSource;
  amount: number;
  date: IsoDate;
}

export interface StudioDocument {
  id?: string | null;
  kind: DocumentKind;
  year: number;
  submittedOn: IsoDate;
}

export interface Facts {
  policyId: string;
  studio: Studio;
  leader: Leader;
  members: Member[];
  apprentices: Apprentice[];
  certificates: Certificate[];
  activities: Activity[];
  achievements: Achievement[];
  funds: Fund[];
  documents: StudioDocument[];
  /** Reviewer's scores for judged items, by item id. */
  judgments?: Record<string, number> | null;
  /** yuzhong-2023 only: the panel's total on the 120-point scale. */
  assessmentTotal?: number | null;
  /** extra: a reviewer's replacement of an item's score (0..max) with the reason, by item id. */
  overrides?: Record<string, ItemOverride> | null;
}

/** extra: a reviewer's override of an item's score (an automatic item the facts get wrong). */
export interface ItemOverride {
  score: number;
  reason: string;
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** The collections a record can come from. */
export type Collection =
  | 'leader'
  | 'members'
  | 'apprentices'
  | 'certificates'
  | 'activities'
  | 'achievements'
  | 'funds'
  | 'documents'
  | 'studio'
  | 'judgments';

export interface CountedRecord {
  /** The record's id (`id` field, or `collection[index]` for records without one). */
  record: string;
  collection: Collection;
  /** What it added to the tally (1, or the attendance for person-times). */
  value: number;
  date?: IsoDate;
  apprenticeId?: string;
  level?: string;
}

export interface ExcludedRecord {
  record: string;
  collection: Collection;
  reason: ExclusionReason;
  /** User-facing Chinese text. */
  message: string;
  apprenticeId?: string;
}

export interface Target {
  id: TargetId;
  required: number;
  actual: number;
  met: boolean;
  /** Absent for targets that are a standing condition (team size). */
  period?: Period;
  /** extra: upper bound (yuzhong's team of 3–15). */
  max?: number;
  /** extra: pace. */
  status: PaceStatus;
  projected?: number;
  /** extra: records dated after asOf inside the period (plans, not results). */
  planned?: number;
  /** extra: ids of the records counted. */
  counted: string[];
  countedRecords: CountedRecord[];
  excluded: ExcludedRecord[];
  label: string;
  article: string;
  explanation: string;
}

export interface Deadline {
  id: DeadlineId;
  dueOn: IsoDate;
  done: boolean;
  /** extra */
  overdue: boolean;
  label: string;
  article: string;
  explanation: string;
  /** ids of the documents that satisfied it. */
  basedOn: string[];
}

export interface Finding {
  rule: FindingRule;
  severity: Severity;
  message: string;
  /** extra */
  article: string;
  data?: Record<string, string | number | boolean | null>;
}

export interface RetirementInfo {
  category: RetirementCategory;
  date: IsoDate;
  ageMonths: number;
  delayMonths: number;
  /** Whole months from asOf to the retirement date (negative once retired). */
  monthsLeft: number;
  yearsLeft: number;
}

export interface Progress {
  policyId: string;
  asOf: IsoDate;
  targets: Target[];
  deadlines: Deadline[];
  findings: Finding[];
  /** extra */
  leaderRetirement: RetirementInfo;
}

export interface Deduction {
  code: string;
  points: number;
  message: string;
}

export interface AssessmentItem {
  id: string;
  max: number;
  score: number;
  basis: ItemBasis;
  /** extra */
  bonus: boolean;
  label: string;
  rule: string;
  article: string;
  /** Record ids, fact paths (`studio.hasSign`) and judgments (`judgments.U10`) the score rests on. */
  basedOn: string[];
  lost: number;
  deductions: Deduction[];
  explanation: string;
  /** extra: present when a reviewer overrode the item: the score the facts gave, and why it changed. */
  override?: { fromScore: number; fromBasis: ItemBasis; reason: string };
}

export interface AssessmentSheet {
  policyId: string;
  items: AssessmentItem[];
  base: { score: number; max: number };
  bonus: { score: number; max: number };
  total: number;
  maxTotal: number;
  complete: boolean;
  grade: Grade | null;
  /** extra */
  asOf: IsoDate;
  period?: Period;
  pending: string[];
  vetoed: boolean;
  gradeNote: string;
  /** extra: while items are pending, the lowest and highest grade the sheet can still reach (null when graded or not graded at all). */
  gradeRange?: { low: Grade; high: Grade } | null;
}

export interface PolicySummary {
  id: string;
  title: string;
  jurisdiction: string;
}
