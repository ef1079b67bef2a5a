/** The world's helpers: a seeded generator (deterministic data), dates, and chunked bulk INSERTs. */
import type { Pool } from 'mysql2/promise';

const rand = (() => {
  let s = 42;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
})();
export const day = (from: string, plus: number): string =>
  new Date(Date.parse(`${from}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

export async function bulk(
  pool: Pool,
  table: string,
  cols: string[],
  rows: unknown[][],
): Promise<number[]> {
  const ids: number[] = [];
  // 1 on a single server; the cluster's size on Galera (wsrep_auto_increment_control).
  const [[step]] = (await pool.query('SELECT @@auto_increment_increment AS n')) as unknown as [
    { n: number }[],
  ];
  const inc = Number(step?.n ?? 1);
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const [res] = await pool.query(`INSERT INTO ${table} (${cols.join(',')}) VALUES ?`, [chunk]);
    const first = (res as { insertId: number }).insertId;
    for (let k = 0; k < chunk.length; k++) ids.push(first + k * inc);
  }
  return ids;
}

/** The columns of a studio row as the world writes it (leader, recognition and status included). */
export const STUDIO_COLUMNS = [
  'name',
  'trade',
  'unit_id',
  'jurisdiction_id',
  'leader_person_id',
  'leader_full_time',
  'recognized_on',
  'status',
];

/**
 * A studio and its leader (a senior technician, full time, recognised 2025-03-01, active) in unit
 * `unitId` of jurisdiction `jurisdictionId`; returns the studio's and the leader's ids.
 */
export async function insertLeaderStudio(
  pool: Pool,
  s: { leader: string; birthDate: string; name: string; trade: string },
  unitId: number | undefined,
  jurisdictionId: number | undefined,
): Promise<{ studio: number | undefined; leader: number | undefined }> {
  const [leader] = await bulk(
    pool,
    'people',
    ['name', 'birth_date', 'retirement_category', 'skill_level'],
    [[s.leader, s.birthDate, 'male', 'senior_technician']],
  );
  const [studio] = await bulk(pool, 'studios', STUDIO_COLUMNS, [
    [s.name, s.trade, unitId, jurisdictionId, leader, 1, '2025-03-01', 'active'],
  ]);
  return { studio, leader };
}

export const levels = ['intermediate', 'senior', 'technician', 'senior_technician'];
export const kinds = [
  'training',
  'internal_exchange',
  'industry_exchange',
  'tech_project',
  'social_service',
  'school_cooperation',
];
