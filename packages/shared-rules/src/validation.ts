/**
 * Validates facts and asOf. Anything malformed throws a FactsValidationError whose message names
 * the field both as a dotted path (`activities.0.attendance`, the form golden bad-cases use) and
 * in bracket form (`activities[0].attendance`). Nothing is coerced: a string "3" is not a number,
 * "true" is not a boolean. Optional fields may be absent or null (= not recorded).
 */
import { isIsoDate } from './dates.js';
import { getPolicy, POLICY_IDS } from './policies/index.js';
import type { Facts } from './types.js';
import {
  ACHIEVEMENT_KINDS,
  ACHIEVEMENT_LEVELS,
  ACTIVITY_KINDS,
  DOCUMENT_KINDS,
  FUND_SOURCES,
  isOneOf,
  RETIREMENT_CATEGORIES,
  SKILL_LEVELS,
} from './vocabulary.js';

export class FactsValidationError extends Error {
  /** Dotted path, e.g. `activities.0.attendance`. */
  readonly field: string;
  readonly code = 'INVALID_FACTS';
  constructor(field: string, problem: string) {
    const bracket = field.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
    const where = bracket === field ? field : `${field} (${bracket})`;
    super(`Invalid facts: ${where} ${problem}`);
    this.name = 'FactsValidationError';
    this.field = field;
  }
}

type Obj = Record<string, unknown>;

const show = (v: unknown): string => {
  if (v === undefined) return 'undefined';
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
};

function fail(field: string, problem: string, ...value: unknown[]): never {
  throw new FactsValidationError(
    field,
    value.length ? `${problem}; got ${show(value[0])}` : problem,
  );
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown): boolean => v === undefined || v === null;

function obj(v: unknown, field: string): Obj {
  if (!isObj(v)) fail(field, 'must be an object', v);
  return v as Obj;
}
function arr(v: unknown, field: string): unknown[] {
  if (!Array.isArray(v)) fail(field, 'must be an array', v);
  return v as unknown[];
}
/** `base.key`, or `base.i.key` for list items: built only when a check fails (this runs per record). */
const at = (base: string, i: number, key: string): string =>
  i < 0 ? `${base}.${key}` : `${base}.${i}.${key}`;

function str(o: Obj, key: string, base: string, i = -1): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '')
    fail(at(base, i, key), 'must be a non-empty string', v);
  return v as string;
}
function date(o: Obj, key: string, base: string, i = -1, optional = false): void {
  const v = o[key];
  if (optional && absent(v)) return;
  if (!isIsoDate(v)) fail(at(base, i, key), 'must be a real calendar date written YYYY-MM-DD', v);
}
function bool(o: Obj, key: string, base: string, i: number, optional: boolean): void {
  const v = o[key];
  if (optional && absent(v)) return;
  if (typeof v !== 'boolean') fail(at(base, i, key), 'must be true or false', v);
}
function nonNegative(
  o: Obj,
  key: string,
  base: string,
  i: number,
  optional: boolean,
  integer: boolean,
): void {
  const v = o[key];
  if (optional && absent(v)) return;
  if (typeof v !== 'number' || !Number.isFinite(v))
    fail(at(base, i, key), 'must be a finite number', v);
  if ((v as number) < 0) fail(at(base, i, key), 'must not be negative', v);
  if (integer && !Number.isInteger(v)) fail(at(base, i, key), 'must be a whole number', v);
}
function oneOf(
  o: Obj,
  key: string,
  base: string,
  i: number,
  list: readonly string[],
  what: string,
): void {
  const v = o[key];
  if (!isOneOf(list, v))
    fail(at(base, i, key), `is not a known ${what} (one of ${list.join(', ')})`, v);
}
function optionalId(o: Obj, key: string, base: string, i: number): void {
  const v = o[key];
  if (!absent(v) && (typeof v !== 'string' || v === ''))
    fail(at(base, i, key), 'must be a non-empty string when given', v);
}
function item(v: unknown, base: string, i: number): Obj {
  if (!isObj(v)) fail(`${base}.${i}`, 'must be an object', v);
  return v as Obj;
}

export function validateAsOf(asOf: unknown): asserts asOf is string {
  if (!isIsoDate(asOf)) fail('asOf', 'must be a real calendar date written YYYY-MM-DD', asOf);
}

/** Throws FactsValidationError naming the first bad field; returns the facts typed when valid. */
export function validateFacts(input: unknown): Facts {
  const f = obj(input, 'facts');
  if (!isOneOf(POLICY_IDS, f.policyId))
    fail('policyId', `is not a known policy (one of ${POLICY_IDS.join(', ')})`, f.policyId);
  const policy = getPolicy(f.policyId as string);

  const studio = obj(f.studio, 'studio');
  str(studio, 'name', 'studio');
  str(studio, 'trade', 'studio');
  date(studio, 'recognizedOn', 'studio');
  nonNegative(studio, 'areaSqm', 'studio', -1, true, false);
  for (const k of [
    'hasSign',
    'hasHonoursBoard',
    'rulesPosted',
    'dutiesDefined',
    'hasEquipment',
    'hasFundRules',
    'vetoed',
  ]) {
    bool(studio, k, 'studio', -1, true);
  }

  const leader = obj(f.leader, 'leader');
  str(leader, 'name', 'leader');
  date(leader, 'birthDate', 'leader');
  oneOf(leader, 'retirementCategory', 'leader', -1, RETIREMENT_CATEGORIES, 'retirement category');
  oneOf(leader, 'skillLevel', 'leader', -1, SKILL_LEVELS, 'skill level');
  bool(leader, 'fullTime', 'leader', -1, true);

  arr(f.members, 'members').forEach((m, i) => {
    const p = 'members';
    const o = item(m, p, i);
    str(o, 'name', p, i);
    oneOf(o, 'skillLevel', p, i, SKILL_LEVELS, 'skill level');
    bool(o, 'fullTime', p, i, false);
    nonNegative(o, 'yearsInTrade', p, i, true, false);
  });

  /** Ids are unique within their list: explanations and certificates refer to them. */
  const unique = (seen: Set<string>, id: string, p: string, i: number, what: string): void => {
    if (seen.has(id)) fail(at(p, i, 'id'), `repeats an earlier ${what} id`, id);
    seen.add(id);
  };

  const apprenticeIds = new Set<string>();
  arr(f.apprentices, 'apprentices').forEach((a, i) => {
    const p = 'apprentices';
    const o = item(a, p, i);
    const id = str(o, 'id', p, i);
    unique(apprenticeIds, id, p, i, 'apprentice');
    str(o, 'name', p, i);
    date(o, 'joinedOn', p, i);
    date(o, 'agreementSignedOn', p, i, true);
    date(o, 'leftOn', p, i, true);
    if (!absent(o.leftOn) && (o.leftOn as string) < (o.joinedOn as string)) {
      fail(at(p, i, 'leftOn'), `is before joinedOn ${o.joinedOn as string}`, o.leftOn);
    }
  });

  arr(f.certificates, 'certificates').forEach((c, i) => {
    const p = 'certificates';
    const o = item(c, p, i);
    optionalId(o, 'id', p, i);
    const who = str(o, 'apprenticeId', p, i);
    if (!apprenticeIds.has(who))
      fail(at(p, i, 'apprenticeId'), 'names no apprentice in apprentices', who);
    oneOf(o, 'level', p, i, SKILL_LEVELS, 'skill level');
    date(o, 'awardedOn', p, i);
  });

  const activityIds = new Set<string>();
  arr(f.activities, 'activities').forEach((e, i) => {
    const p = 'activities';
    const o = item(e, p, i);
    const id = str(o, 'id', p, i);
    unique(activityIds, id, p, i, 'activity');
    oneOf(o, 'kind', p, i, ACTIVITY_KINDS, 'activity kind');
    date(o, 'date', p, i);
    nonNegative(o, 'attendance', p, i, false, true);
  });

  const achievementIds = new Set<string>();
  arr(f.achievements, 'achievements').forEach((r, i) => {
    const p = 'achievements';
    const o = item(r, p, i);
    const id = str(o, 'id', p, i);
    unique(achievementIds, id, p, i, 'achievement');
    oneOf(o, 'kind', p, i, ACHIEVEMENT_KINDS, 'achievement kind');
    date(o, 'date', p, i);
    oneOf(o, 'level', p, i, ACHIEVEMENT_LEVELS, 'achievement level');
  });

  arr(f.funds, 'funds').forEach((x, i) => {
    const p = 'funds';
    const o = item(x, p, i);
    optionalId(o, 'id', p, i);
    oneOf(o, 'source', p, i, FUND_SOURCES, 'fund source');
    nonNegative(o, 'amount', p, i, false, false);
    date(o, 'date', p, i);
  });

  arr(f.documents, 'documents').forEach((d, i) => {
    const p = 'documents';
    const o = item(d, p, i);
    optionalId(o, 'id', p, i);
    oneOf(o, 'kind', p, i, DOCUMENT_KINDS, 'document kind');
    const y = o.year;
    if (typeof y !== 'number' || !Number.isInteger(y) || y < 1900 || y > 2200)
      fail(at(p, i, 'year'), 'must be a year between 1900 and 2200', y);
    date(o, 'submittedOn', p, i);
  });

  if (!absent(f.judgments)) {
    const j = obj(f.judgments, 'judgments');
    const itemIds =
      policy.assessment.kind === 'items' ? policy.assessment.items.map((it) => it.id) : [];
    for (const [k, v] of Object.entries(j)) {
      if (!itemIds.includes(k)) {
        fail(
          `judgments.${k}`,
          itemIds.length
            ? `is not an item of ${policy.id} (${itemIds.join(', ')})`
            : `cannot be given: ${policy.id} has no item table`,
        );
      }
      if (typeof v !== 'number' || !Number.isFinite(v))
        fail(`judgments.${k}`, 'must be a finite number', v);
    }
  }

  if (!absent(f.overrides)) {
    const o = obj(f.overrides, 'overrides');
    const items = policy.assessment.kind === 'items' ? policy.assessment.items : [];
    for (const [k, v] of Object.entries(o)) {
      const spec = items.find((it) => it.id === k);
      if (!spec)
        fail(
          `overrides.${k}`,
          items.length
            ? `is not an item of ${policy.id} (${items.map((it) => it.id).join(', ')})`
            : `cannot be given: ${policy.id} has no item table`,
        );
      const r = obj(v, `overrides.${k}`);
      const sc = r.score;
      if (typeof sc !== 'number' || !Number.isFinite(sc) || sc < 0 || sc > spec.max)
        fail(`overrides.${k}.score`, `must be a number between 0 and ${spec.max}`, sc);
      if (typeof r.reason !== 'string' || !r.reason.trim())
        fail(`overrides.${k}.reason`, 'must be a non-empty string', r.reason);
    }
  }

  if (!absent(f.assessmentTotal)) {
    if (policy.assessment.kind !== 'total')
      fail(
        'assessmentTotal',
        `applies only to policies graded on a panel total (yuzhong-2023), not ${policy.id}`,
        f.assessmentTotal,
      );
    const max = policy.assessment.kind === 'total' ? policy.assessment.max : 0;
    const t = f.assessmentTotal;
    if (typeof t !== 'number' || !Number.isFinite(t))
      fail('assessmentTotal', 'must be a finite number', t);
    if ((t as number) < 0 || (t as number) > max)
      fail('assessmentTotal', `must be between 0 and ${max}`, t);
  }
  return input as Facts;
}
