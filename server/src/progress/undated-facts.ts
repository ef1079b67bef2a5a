/**
 * The undated part of a studio's facts: the studio card and checklist, the leader, the panel
 * total and the whole team (each member with its optional joined/left dates). No record date
 * places these in a period, so the finalized-period lock cannot hold them. Instead finalization
 * stores them (`finalized_periods.undated`, same transaction as the sheet) and FactsLoader reads
 * that copy for any day inside the finalized period: the period's sheet, progress, facts and
 * exports stay what they were at finalization while live edits apply to the open period.
 */
import type { Facts, SkillLevel } from '@master-studio/shared-rules';

export interface UndatedMember {
  id: number;
  name: string;
  skillLevel: SkillLevel;
  fullTime: boolean;
  yearsInTrade?: number;
  joinedOn: string | null;
  leftOn: string | null;
}

export interface UndatedFacts {
  /** Format version of the stored JSON. */
  v: 1;
  studio: Facts['studio'];
  leader: Facts['leader'];
  assessmentTotal?: number;
  members: UndatedMember[];
}

/** The team on `asOf`: joined by then (or undated) and not yet left. */
export const onTeam = (m: UndatedMember, asOf: string): boolean =>
  !((m.joinedOn && m.joinedOn > asOf) || (m.leftOn && m.leftOn <= asOf));

/** Parses a stored copy; null for a row finalized before copies were kept (or an unknown format). */
export function parseUndated(json: unknown): UndatedFacts | null {
  if (typeof json !== 'string' || json === '') return null;
  const u = JSON.parse(json) as UndatedFacts;
  return u && u.v === 1 ? u : null;
}
