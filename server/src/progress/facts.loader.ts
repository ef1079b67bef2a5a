import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { asDate } from '../common/dates';
import { addRef, type LoadedStudio, type Row, str, studioEntry } from './facts-rows';
import { onTeam, parseUndated } from './undated-facts';
// The columns hold shared-rules' codes (the DTOs validate them on the way in): cast, not re-checked.
import type {
  AchievementKind,
  AchievementLevel,
  ActivityKind,
  DocumentKind,
  Facts,
  FundSource,
  SkillLevel,
} from '@master-studio/shared-rules';

export {
  type FactsRef,
  type FactsRefs,
  type LoadedStudio,
  refsOf,
  type StudioHead,
} from './facts-rows';

export type FactsScope =
  | { studioId: number }
  | { unitId: number }
  | { jurisdictionId: number }
  /** A list of studios (progress snapshots rebuild the stale ones of a scope). */
  | { studioIds: number[] };

/**
 * Builds shared-rules Facts from the database. A unit or a whole jurisdiction is loaded by
 * the same ten set-based queries (one per collection, judgments and overrides), grouped in memory: the number of
 * queries does not grow with the number of studios. One studio takes a tenth (its
 * check-in counts in one grouped query), and one more reads the undated facts stored by a
 * finalized period covering asOf (undated-facts.ts), which replace the live ones.
 */
@Injectable()
export class FactsLoader {
  constructor(private readonly db: DataSource) {}

  /** `m`: a transaction to read in (finalization scores inside its own), else the pool. */
  async load(
    scope: FactsScope,
    asOf: string,
    m: EntityManager = this.db.manager,
  ): Promise<Map<number, LoadedStudio>> {
    if ('studioIds' in scope && scope.studioIds.length === 0) return new Map();
    const [where, params]: [string, number[]] =
      'studioId' in scope
        ? ['s.id = ?', [scope.studioId]]
        : 'unitId' in scope
          ? ['s.unit_id = ?', [scope.unitId]]
          : 'jurisdictionId' in scope
            ? ['s.jurisdiction_id = ?', [scope.jurisdictionId]]
            : [`s.id IN (${scope.studioIds.map(() => '?').join(', ')})`, scope.studioIds];
    const q = (sql: string): Promise<Row[]> => m.query(sql, params) as Promise<Row[]>;
    const inScope = (alias: string): string =>
      `JOIN studios s ON s.id = ${alias}.studio_id WHERE ${where}`;

    // Collections come unordered from SQL and are sorted by id here: an ORDER BY id makes
    // MySQL walk the whole table by primary key instead of the studio index.
    const byId = (rows: Row[]): Row[] => rows.sort((x, y) => Number(x.id) - Number(y.id));
    const sorted = (sql: string): Promise<Row[]> => q(sql).then(byId);
    // Check-ins per activity. For one studio, one grouped range over (studio_id, activity_id)
    // beats a COUNT subquery per activity (a studio may have thousands of activities); for
    // many small studios the per-activity subquery is the better plan, so it stays there.
    const oneStudio = 'studioId' in scope;
    const checkedIn = oneStudio
      ? `0 AS checked_in`
      : `(SELECT COUNT(*) FROM attendance t WHERE t.activity_id = a.id) AS checked_in`;

    const [
      studios,
      members,
      apprentices,
      certificates,
      activities,
      achievements,
      funds,
      documents,
      judgments,
      attendanceCounts,
      frozenRows,
      overrides,
    ] = await Promise.all([
      q(`SELECT s.id, s.name, s.trade, s.status, s.recognized_on, s.unit_id, u.name AS unit_name, j.policy_id, s.leader_full_time,
                s.area_sqm, s.has_sign, s.has_honours_board, s.rules_posted, s.duties_defined, s.has_equipment, s.has_fund_rules, s.vetoed, s.assessment_total,
                p.name AS leader_name, p.birth_date, p.retirement_category, p.skill_level
         FROM studios s JOIN units u ON u.id = s.unit_id JOIN jurisdictions j ON j.id = s.jurisdiction_id JOIN people p ON p.id = s.leader_person_id
         WHERE ${where} ORDER BY s.id`),
      sorted(
        `SELECT m.studio_id, m.id, p.name, p.skill_level, m.full_time, m.years_in_trade, m.joined_on, m.left_on FROM team_members m JOIN people p ON p.id = m.person_id ${inScope('m')}`,
      ),
      sorted(
        `SELECT a.studio_id, a.id, p.name, a.joined_on, a.agreement_signed_on, a.left_on FROM apprentices a JOIN people p ON p.id = a.person_id ${inScope('a')}`,
      ),
      sorted(
        `SELECT c.studio_id, c.id, c.apprentice_id, c.level, c.awarded_on FROM certificates c ${inScope('c')}`,
      ),
      sorted(
        `SELECT a.studio_id, a.id, a.kind, a.date, a.extra_attendance, ${checkedIn} FROM activities a ${inScope('a')}`,
      ),
      sorted(
        `SELECT r.studio_id, r.id, r.kind, r.level, r.date FROM achievements r ${inScope('r')}`,
      ),
      sorted(
        `SELECT f.studio_id, f.id, f.source, f.amount, f.date FROM fund_entries f ${inScope('f')} AND f.direction = 'income'`,
      ),
      sorted(
        `SELECT d.studio_id, d.id, d.kind, d.year, d.submitted_on FROM documents d ${inScope('d')}`,
      ),
      q(`SELECT g.studio_id, g.item_id, g.score FROM judgments g ${inScope('g')}`),
      oneStudio
        ? q(
            `SELECT t.activity_id, COUNT(*) AS n FROM attendance t WHERE t.studio_id = ? GROUP BY t.activity_id`,
          )
        : Promise.resolve([] as Row[]),
      m.query(
        `SELECT f.studio_id, f.undated FROM finalized_periods f ${inScope('f')} AND f.period_from <= ? AND f.period_to >= ? AND f.undated IS NOT NULL`,
        [...params, asOf, asOf],
      ) as Promise<Row[]>,
      q(
        `SELECT o.studio_id, o.item_id, o.score, o.reason FROM assessment_overrides o ${inScope('o')}`,
      ),
    ]);
    const counted = new Map<number, number>(
      attendanceCounts.map((r) => [Number(r.activity_id), Number(r.n)]),
    );

    const out = new Map<number, LoadedStudio>();
    for (const s of studios) out.set(Number(s.id), studioEntry(s));
    const each = (rows: Row[], add: (f: Facts, r: Row) => void): void => {
      for (const r of rows) {
        const entry = out.get(Number(r.studio_id));
        if (entry) add(entry.facts, r);
      }
    };
    for (const r of members)
      out.get(Number(r.studio_id))?.undated.members.push({
        id: Number(r.id),
        name: str(r.name),
        skillLevel: ((r.skill_level as string | null) ?? '') as SkillLevel,
        fullTime: Boolean(Number(r.full_time)),
        ...(r.years_in_trade !== null && r.years_in_trade !== undefined
          ? { yearsInTrade: Number(r.years_in_trade) }
          : {}),
        joinedOn: asDate(r.joined_on),
        leftOn: asDate(r.left_on),
      });
    // A finalized period covering asOf answers with the undated facts it stored.
    for (const r of frozenRows) {
      const entry = out.get(Number(r.studio_id));
      const stored = parseUndated(r.undated);
      if (entry && stored) Object.assign(entry, { undated: stored, frozen: true });
    }
    for (const { facts: f, undated: u } of out.values()) {
      f.studio = u.studio;
      f.leader = u.leader;
      if (u.assessmentTotal !== undefined) f.assessmentTotal = u.assessmentTotal;
      for (const mem of u.members) {
        if (!onTeam(mem, asOf)) continue;
        addRef(f, 'members', { kind: 'member', id: mem.id, name: mem.name });
        f.members.push({
          name: mem.name,
          skillLevel: mem.skillLevel,
          fullTime: mem.fullTime,
          ...(mem.yearsInTrade !== undefined ? { yearsInTrade: mem.yearsInTrade } : {}),
        });
      }
    }
    each(apprentices, (f, r) => {
      const signed = asDate(r.agreement_signed_on);
      addRef(f, 'apprentices', { kind: 'apprentice', id: Number(r.id), name: str(r.name) });
      f.apprentices.push({
        id: str(r.id),
        name: str(r.name),
        joinedOn: asDate(r.joined_on) ?? '',
        ...(signed ? { agreementSignedOn: signed } : {}),
        leftOn: asDate(r.left_on),
      });
    });
    each(certificates, (f, r) => {
      addRef(f, 'certificates', { kind: 'certificate', id: Number(r.id) });
      f.certificates.push({
        id: str(r.id),
        apprenticeId: str(r.apprentice_id),
        level: str(r.level) as SkillLevel,
        awardedOn: asDate(r.awarded_on) ?? '',
      });
    });
    each(activities, (f, r) => {
      addRef(f, 'activities', { kind: 'activity', id: Number(r.id) });
      f.activities.push({
        id: str(r.id),
        kind: str(r.kind) as ActivityKind,
        date: asDate(r.date) ?? '',
        attendance:
          (oneStudio ? (counted.get(Number(r.id)) ?? 0) : Number(r.checked_in)) +
          Number(r.extra_attendance),
      });
    });
    each(achievements, (f, r) => {
      addRef(f, 'achievements', { kind: 'achievement', id: Number(r.id) });
      f.achievements.push({
        id: str(r.id),
        kind: str(r.kind) as AchievementKind,
        level: str(r.level) as AchievementLevel,
        date: asDate(r.date) ?? '',
      });
    });
    each(funds, (f, r) => {
      addRef(f, 'funds', { kind: 'fund', id: Number(r.id) });
      f.funds.push({
        id: str(r.id),
        source: str(r.source) as FundSource,
        amount: Number(r.amount),
        date: asDate(r.date) ?? '',
      });
    });
    each(documents, (f, r) => {
      addRef(f, 'documents', { kind: 'document', id: Number(r.id) });
      f.documents.push({
        id: str(r.id),
        kind: str(r.kind) as DocumentKind,
        year: Number(r.year),
        submittedOn: asDate(r.submitted_on) ?? '',
      });
    });
    each(overrides, (f, r) => {
      f.overrides = {
        ...(f.overrides ?? {}),
        [str(r.item_id)]: { score: Number(r.score), reason: str(r.reason) },
      };
    });
    each(judgments, (f, r) => {
      f.judgments = { ...(f.judgments ?? {}), [str(r.item_id)]: Number(r.score) };
    });
    return out;
  }
}
