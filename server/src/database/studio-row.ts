import type { EntityManager } from 'typeorm';
import { asDate } from '../common/dates';
import type { StudioView } from '../studios/dto/studio.dto';
import { boolOrNull, numOrNull } from './sql';

/**
 * The studio with its unit, jurisdiction and leader, as one joined row (studioQuery) and its
 * response DTO (mapStudio): the one place that reads studio rows into StudioView.
 */
/** A raw DATETIME column: a Date from mysql2 (timezone 'Z'), a 'YYYY-MM-DD HH:MM:SS' UTC string from sql.js. */
const utcDateTime = (v: unknown): string =>
  (v instanceof Date
    ? v
    : new Date(
        /[zZ]|[+-]\d\d:?\d\d$/.test(String(v)) ? String(v) : `${String(v).replace(' ', 'T')}Z`,
      )
  ).toISOString();

export function mapStudio(r: Record<string, unknown>): StudioView {
  return {
    id: Number(r.id),
    name: String(r.name),
    trade: String(r.trade),
    status: String(r.status),
    recognizedOn: asDate(r.recognized_on) ?? '',
    unit: { id: Number(r.unit_id), name: String(r.unit_name) },
    jurisdiction: {
      id: Number(r.jurisdiction_id),
      name: String(r.jurisdiction_name),
      policyId: String(r.policy_id),
    },
    leader: {
      personId: Number(r.leader_person_id),
      name: String(r.leader_name),
      birthDate: asDate(r.leader_birth_date),
      retirementCategory: (r.leader_retirement_category as string | null) ?? null,
      skillLevel: (r.leader_skill_level as string | null) ?? null,
      fullTime: Boolean(Number(r.leader_full_time)),
    },
    areaSqm: numOrNull(r.area_sqm),
    hasSign: boolOrNull(r.has_sign),
    hasHonoursBoard: boolOrNull(r.has_honours_board),
    rulesPosted: boolOrNull(r.rules_posted),
    dutiesDefined: boolOrNull(r.duties_defined),
    hasEquipment: boolOrNull(r.has_equipment),
    hasFundRules: boolOrNull(r.has_fund_rules),
    vetoed: boolOrNull(r.vetoed),
    assessmentTotal: numOrNull(r.assessment_total),
    factsConfirmation:
      r.facts_confirmed_at === null || r.facts_confirmed_at === undefined
        ? null
        : {
            confirmedBy: String(r.facts_confirmed_by_name ?? '单位联系人'),
            confirmedAt: utcDateTime(r.facts_confirmed_at),
          },
  };
}

export function studioQuery(m: EntityManager) {
  return m
    .createQueryBuilder()
    .select([
      's.id AS id',
      's.name AS name',
      's.trade AS trade',
      's.status AS status',
      's.recognized_on AS recognized_on',
      's.unit_id AS unit_id',
      'u.name AS unit_name',
    ])
    .addSelect([
      's.jurisdiction_id AS jurisdiction_id',
      'j.name AS jurisdiction_name',
      'j.policy_id AS policy_id',
      's.leader_person_id AS leader_person_id',
      'p.name AS leader_name',
    ])
    .addSelect([
      'p.birth_date AS leader_birth_date',
      'p.retirement_category AS leader_retirement_category',
      'p.skill_level AS leader_skill_level',
      's.leader_full_time AS leader_full_time',
    ])
    .addSelect([
      's.area_sqm AS area_sqm',
      's.has_sign AS has_sign',
      's.has_honours_board AS has_honours_board',
      's.rules_posted AS rules_posted',
      's.duties_defined AS duties_defined',
    ])
    .addSelect([
      's.has_equipment AS has_equipment',
      's.has_fund_rules AS has_fund_rules',
      's.vetoed AS vetoed',
      's.assessment_total AS assessment_total',
    ])
    .addSelect(['s.facts_confirmed_at AS facts_confirmed_at', 'fc.name AS facts_confirmed_by_name'])
    .from('studios', 's')
    .innerJoin('units', 'u', 'u.id = s.unit_id')
    .innerJoin('jurisdictions', 'j', 'j.id = s.jurisdiction_id')
    .innerJoin('people', 'p', 'p.id = s.leader_person_id')
    .leftJoin('accounts', 'fc', 'fc.id = s.facts_confirmed_by');
}
