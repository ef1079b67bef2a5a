/** What a file can be attached to, and what a finalized sheet cites of it. */
import {
  FACILITY_KINDS,
  FACILITY_LABELS_ZH,
  type FacilityKind,
  RECORD_KINDS,
  type RecordKind,
} from '@master-studio/shared-rules';
import type { EntityManager } from 'typeorm';
import { validationFailed } from '../common/domain-error';
import { RECORD_DEFINITIONS } from '../records/record-kinds';
import { notFound } from '../common/domain-error';
import { datesOf } from '../records/record-definition';
import type { SubjectKind } from './dto/evidence.dto';

/** The studio fact each facility's photo stands behind (what a sheet's basedOn cites). */
export const FACILITY_FACT: Record<FacilityKind, string> = {
  sign: 'studio.hasSign',
  honours_board: 'studio.hasHonoursBoard',
  rules_posted: 'studio.rulesPosted',
  space: 'studio.areaSqm',
  equipment: 'studio.hasEquipment',
};

/** The studios column that says the studio claims the facility. */
export const FACILITY_COLUMN: Record<FacilityKind, string> = {
  sign: 'has_sign',
  honours_board: 'has_honours_board',
  rules_posted: 'rules_posted',
  space: 'area_sqm',
  equipment: 'has_equipment',
};

export const isFacility = (k: string): k is FacilityKind =>
  (FACILITY_KINDS as readonly string[]).includes(k);

/** A subject as the audit log and the archive name it: 工作室标识牌, 成果 #12. */
export function subjectLabel(subject: string, key: string): string {
  if (subject === 'facility') return isFacility(key) ? FACILITY_LABELS_ZH[key] : key;
  const info = RECORD_KINDS[subject as RecordKind] as { noun: string } | undefined;
  return `${info?.noun ?? subject} #${key}`;
}

/**
 * Checks the subject of an upload: a known facility, or a record of this studio. Returns the
 * dates that place it in an assessment period (none for a facility).
 */
export async function resolveSubject(
  m: EntityManager,
  studioId: number,
  subject: SubjectKind,
  key: string,
): Promise<{ dates: (string | null)[]; exists: boolean }> {
  if (subject === 'facility') {
    if (!isFacility(key))
      throw validationFailed({ key: `设施应为以下之一：${FACILITY_KINDS.join('、')}` });
    return { dates: [], exists: true };
  }
  if (!/^\d{1,10}$/.test(key)) throw validationFailed({ key: '记录编号必须是正整数' });
  const def = RECORD_DEFINITIONS[subject];
  const row = (await m
    .getRepository(def.entity)
    .findOneBy({ id: Number(key), studioId } as never)) as Record<string, unknown> | null;
  return row ? { dates: datesOf(subject, row), exists: true } : { dates: [], exists: false };
}

/** As resolveSubject, 404 when the record does not exist in this studio. */
export async function requireSubject(
  m: EntityManager,
  studioId: number,
  subject: SubjectKind,
  key: string,
): Promise<(string | null)[]> {
  const r = await resolveSubject(m, studioId, subject, key);
  if (!r.exists) throw notFound(RECORD_KINDS[subject as RecordKind].noun);
  return r.dates;
}

/** True when a finalized sheet (JSON) cites the subject in some item's basedOn. */
export function sheetCites(sheetJson: string, subject: string, key: string): boolean {
  let sheet: { items?: { basedOn?: string[] }[] };
  try {
    sheet = JSON.parse(sheetJson) as typeof sheet;
  } catch {
    return true; // unreadable: keep the evidence
  }
  const ref = subject === 'facility' ? FACILITY_FACT[key as FacilityKind] : key;
  return (sheet.items ?? []).some((i) => (i.basedOn ?? []).includes(ref));
}
