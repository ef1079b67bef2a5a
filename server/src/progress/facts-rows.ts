/**
 * The pieces FactsLoader assembles Facts from: a studio row as a LoadedStudio, and the registry
 * of the record behind each entry of a Facts list (refsOf). The columns hold shared-rules' codes
 * (the DTOs validate them on the way in): cast, not re-checked.
 */
import type {
  Facts,
  RecordKind,
  RecordKindInfo,
  RetirementCategory,
  SkillLevel,
} from '@master-studio/shared-rules';
import { asDate } from '../common/dates';
import type { UndatedFacts } from './undated-facts';

export type Row = Record<string, unknown>;

/** One studio as loaded: `undated` is what `facts` was built from (a finalized copy if `frozen`). */
export interface LoadedStudio {
  head: StudioHead;
  facts: Facts;
  undated: UndatedFacts;
  /** asOf lies in a finalized period that stored its undated facts, and they were used. */
  frozen: boolean;
}

export interface StudioHead {
  id: number;
  name: string;
  status: string;
  unitId: number;
  unitName: string;
  policyId: string;
}

/** The record behind one entry of a Facts list: `refsOf(facts).members[19]` is the 20th member. */
export interface FactsRef {
  kind: RecordKind;
  id: number;
  name?: string;
}
export type FactsRefs = Partial<Record<RecordKindInfo['facts'], FactsRef[]>>;

const REFS = new WeakMap<Facts, FactsRefs>();
/** The records behind a Facts object built by FactsLoader (empty for facts from elsewhere). */
export const refsOf = (facts: Facts): FactsRefs => REFS.get(facts) ?? {};

/** Appends the record behind the entry just pushed onto `facts[list]`. */
export function addRef(facts: Facts, list: RecordKindInfo['facts'], ref: FactsRef): void {
  let refs = REFS.get(facts);
  if (!refs) REFS.set(facts, (refs = {}));
  (refs[list] ??= []).push(ref);
}

const bool = (v: unknown): boolean | undefined =>
  v === null || v === undefined ? undefined : Boolean(Number(v));
export const str = (v: unknown): string => String(v);

/** A studio's row (with its unit, policy and leader) as a LoadedStudio with empty lists. */
export function studioEntry(s: Row): LoadedStudio {
  const id = Number(s.id);
  const studio: Facts['studio'] = {
    name: str(s.name),
    trade: str(s.trade),
    recognizedOn: asDate(s.recognized_on) ?? '',
  };
  if (s.area_sqm !== null && s.area_sqm !== undefined) studio.areaSqm = Number(s.area_sqm);
  const flags = {
    hasSign: s.has_sign,
    hasHonoursBoard: s.has_honours_board,
    rulesPosted: s.rules_posted,
    dutiesDefined: s.duties_defined,
    hasEquipment: s.has_equipment,
    hasFundRules: s.has_fund_rules,
    vetoed: s.vetoed,
  };
  for (const [k, v] of Object.entries(flags)) {
    const b = bool(v);
    if (b !== undefined) (studio as unknown as Record<string, boolean>)[k] = b;
  }
  const undated: UndatedFacts = {
    v: 1,
    studio,
    leader: {
      name: str(s.leader_name),
      birthDate: asDate(s.birth_date) ?? '',
      retirementCategory: ((s.retirement_category as string | null) ?? '') as RetirementCategory,
      skillLevel: ((s.skill_level as string | null) ?? '') as SkillLevel,
      fullTime: Boolean(Number(s.leader_full_time)),
    },
    members: [],
  };
  if (s.assessment_total !== null && s.assessment_total !== undefined)
    undated.assessmentTotal = Number(s.assessment_total);
  const facts: Facts = {
    policyId: str(s.policy_id),
    studio: undated.studio,
    leader: undated.leader,
    members: [],
    apprentices: [],
    certificates: [],
    activities: [],
    achievements: [],
    funds: [],
    documents: [],
  };
  return {
    head: {
      id,
      name: str(s.name),
      status: str(s.status),
      unitId: Number(s.unit_id),
      unitName: str(s.unit_name),
      policyId: str(s.policy_id),
    },
    facts,
    undated,
    frozen: false,
  };
}
