/**
 * What a policy is: data (numbers with their seed articles) plus small functions over a
 * RuleContext. Adding a jurisdiction means writing one PolicyDefinition in `policies/`.
 */
import type { RuleContext } from './context.js';
import type { Tally } from './tallies/tally.js';
import type { Deduction, Finding, IsoDate, Period } from './types.js';
import type { DeadlineId, Grade, TargetId } from './vocabulary.js';

/** Which period a target or item counts over. */
export type PeriodKind = 'year' | 'cycle' | 'none';

export interface TargetSpec {
  id: TargetId;
  required: number;
  /** Upper bound, where the policy has one. */
  max?: number;
  period: PeriodKind;
  /** Seed article, e.g. `urumqi-2023 第四条`. */
  article: string;
  /** Chinese statement of the rule, for docs and UIs. */
  rule: string;
  tally(ctx: RuleContext, period: Period | undefined): Tally;
}

export interface DeadlineOutcome {
  dueOn: IsoDate;
  done: boolean;
  basedOn: string[];
  explanation: string;
}

export interface DeadlineSpec {
  id: DeadlineId;
  article: string;
  rule: string;
  /** This period's instance (e.g. 31 December of asOf's year). */
  compute(ctx: RuleContext): DeadlineOutcome;
  /**
   * The previous period's instance while it is still owed: its due day has passed and its paper
   * was never submitted, so it is overdue (not silently replaced by this period's). Null once the
   * paper is in (on time or late) or when nothing was owed then. evaluate lists it before
   * compute's, so the two share the id and differ by dueOn.
   */
  carriedOver?(ctx: RuleContext): DeadlineOutcome | null;
}

export interface FindingSpec {
  /** The finding rule this check may emit. */
  rule: Finding['rule'];
  severity: Finding['severity'];
  article: string;
  rule_zh: string;
  check(ctx: RuleContext): Finding[];
  /** studio_name only: the suffix the policy's name format ends with (studioNameCheck). */
  nameSuffix?: string;
}

/**
 * What an item's facts say, before judgments are applied (scoring/item-outcome.ts):
 * - none: the policy says "none: 0" and there is no evidence: 0, judgments ignored;
 * - auto: computed from facts; a judgment may lower it, never raise it;
 * - needs_judgment: evidence is there but the rule is judged: the judgment, or pending;
 * - unrecorded: evidence not recorded and the policy has no "none: 0": the judgment, or pending.
 */
export type Evidence =
  | { kind: 'none'; basedOn: string[]; message: string }
  | { kind: 'auto'; score: number; deductions: Deduction[]; basedOn: string[]; message: string }
  | { kind: 'needs_judgment'; basedOn: string[]; message: string }
  | { kind: 'unrecorded'; basedOn: string[]; message: string };

export interface ItemSpec {
  id: string;
  max: number;
  bonus?: boolean;
  label: string;
  /** The scoring rule as the seed states it, in Chinese. */
  rule: string;
  article: string;
  /** Period of the records it counts, for docs ('cycle' = the sheet's period). */
  period: PeriodKind;
  evidence(ctx: RuleContext): Evidence;
}

export interface GradeThreshold {
  grade: Grade;
  min: number;
}

/** One row of a policy's printed assessment form, verbatim from the seed's annex. */
export interface AnnexRow {
  /** The 考核项目 cell the row sits under (a merged cell in the annex). */
  section: string;
  /** 考核内容 / 考核细则 as printed. */
  content: string;
  /** 评分标准 as printed; empty where the annex cell is empty. */
  criteria: string;
  /** 评估方式 (实地考察 / 材料审核), where the annex has that column. */
  method?: string;
}

/** The printed assessment form (附件): its title, a row per item, and the lines under the items. */
export interface AnnexForm {
  title: string;
  /** By item id; every item of the sheet has one. */
  rows: Record<string, AnnexRow>;
  /** The 合计 / 总分 cell as printed (may differ from the sum of the items, see ambiguities). */
  printedTotal: string;
  /** The 一票否决项 row, where the annex prints one. */
  veto?: string;
}

export type AssessmentSpec =
  | {
      kind: 'items';
      article: string;
      baseMax: number;
      bonusMax: number;
      /** The period the sheet scores ('cycle' uses PolicyDefinition.cycleYears). */
      period: 'cycle';
      items: ItemSpec[];
      /** High to low; null when the policy sets no grade. */
      grades: GradeThreshold[] | null;
      vetoArticle: string | null;
      /** The annex the sheet is printed as (exports). */
      form: AnnexForm;
    }
  | {
      kind: 'total';
      article: string;
      max: number;
      grades: GradeThreshold[];
    }
  | { kind: 'none'; article: string };

export interface Ambiguity {
  topic: string;
  /** What the seed (or digest/contract) says. */
  source: string;
  /** How the code reads it. */
  reading: string;
}

export interface PolicyDefinition {
  id: string;
  title: string;
  jurisdiction: string;
  /** 文号 or document name. */
  document: string;
  seedFile: string;
  issuedOn: IsoDate | null;
  /** Last day the policy itself is in force, where the seed says. */
  validTo: IsoDate | null;
  /** Length of the studio's cycle / recognition term in years, counted from recognizedOn. */
  cycleYears: number;
  cycleArticle: string;
  targets: TargetSpec[];
  deadlines: DeadlineSpec[];
  findings: FindingSpec[];
  assessment: AssessmentSpec;
  ambiguities: Ambiguity[];
}
