/**
 * The bench's data set, inserted straight into the database with bulk INSERTs (set-up, not
 * measured): deterministic (a seeded generator), sized by `WorldSize`.
 */
import type { Pool } from 'mysql2/promise';

// Compiled output: the bench measures the real build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toPayload } = require('../dist/auth/caller') as typeof import('../src/auth/caller');
const { CheckinCodes } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../dist/checkin/checkin-code') as typeof import('../src/checkin/checkin-code');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JwtService } = require('@nestjs/jwt') as typeof import('@nestjs/jwt');

export interface WorldSize {
  bigApprentices: number;
  bigActivities: number;
  bigAttendance: number;
  bigCertificates: number;
  bigAchievements: number;
  bigFunds: number;
  bigDocuments: number;
  studios: number;
  checkinActivities: number;
  rawActivities: number;
}

const rand = (() => {
  let s = 42;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
})();
const day = (from: string, plus: number): string =>
  new Date(Date.parse(`${from}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

export async function bulk(
  pool: Pool,
  table: string,
  cols: string[],
  rows: unknown[][],
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const [res] = await pool.query(`INSERT INTO ${table} (${cols.join(',')}) VALUES ?`, [chunk]);
    const first = (res as { insertId: number }).insertId;
    for (let k = 0; k < chunk.length; k++) ids.push(first + k);
  }
  return ids;
}

export interface World {
  bigStudio: number;
  checkinStudio: number;
  bigJurisdiction: number;
  bigUnit: number;
  dashJurisdiction: number;
  reviewerJ2: object;
  leaderBig: object;
  pairs: { token: string; code: string }[];
  rawPairs: [number, number][];
}

/** Inserts the bench's world with bulk INSERTs (no API): a 10k-record studio, a jurisdiction of
 * `size.studios` studios, and a check-in studio with tokens and codes signed by `secret`. */
export async function generate(pool: Pool, SIZE: WorldSize, SECRET: string): Promise<World> {
  const [j1, j2] = await bulk(
    pool,
    'jurisdictions',
    ['name', 'policy_id'],
    [
      ['乌鲁木齐市', 'urumqi-2023'],
      ['杭州市拱墅区', 'gongshu-2020'],
    ],
  );
  const [u1] = await bulk(
    pool,
    'units',
    ['name', 'jurisdiction_id'],
    [['新疆天山装备制造有限公司', j1]],
  );
  const unitsJ2 = await bulk(
    pool,
    'units',
    ['name', 'jurisdiction_id'],
    Array.from({ length: Math.ceil(SIZE.studios / 5) }, (_, i) => [
      `拱墅第${i + 1}机械有限公司`,
      j2,
    ]),
  );
  const levels = ['intermediate', 'senior', 'technician', 'senior_technician'];
  const kinds = [
    'training',
    'internal_exchange',
    'industry_exchange',
    'tech_project',
    'social_service',
    'school_cooperation',
  ];
  // The big studio: ~10k records in the full run.
  const [leader] = await bulk(
    pool,
    'people',
    ['name', 'birth_date', 'retirement_category', 'skill_level'],
    [['张建国', '1972-05-01', 'male', 'senior_technician']],
  );
  const [big] = await bulk(
    pool,
    'studios',
    [
      'name',
      'trade',
      'unit_id',
      'jurisdiction_id',
      'leader_person_id',
      'leader_full_time',
      'recognized_on',
      'status',
    ],
    [['张建国焊工技能大师工作室', '焊工', u1, j1, leader, 1, '2025-03-01', 'active']],
  );
  const mp = await bulk(
    pool,
    'people',
    ['name', 'skill_level'],
    [
      ['马', 'technician'],
      ['周', 'technician'],
      ['吴', 'senior'],
    ],
  );
  await bulk(
    pool,
    'team_members',
    ['studio_id', 'person_id', 'full_time', 'years_in_trade'],
    mp.map((p) => [big, p, 1, 8]),
  );
  const ap = await bulk(
    pool,
    'people',
    ['name'],
    Array.from({ length: SIZE.bigApprentices }, (_, i) => [`徒弟${i}`]),
  );
  const apprentices = await bulk(
    pool,
    'apprentices',
    ['studio_id', 'person_id', 'joined_on', 'agreement_signed_on'],
    ap.map((p, i) => [big, p, day('2025-03-05', i % 300), day('2025-03-05', i % 300)]),
  );
  const acts = await bulk(
    pool,
    'activities',
    ['studio_id', 'kind', 'title', 'date', 'extra_attendance', 'checkin_open'],
    Array.from({ length: SIZE.bigActivities }, (_, i) => [
      big,
      pick(kinds),
      '培训',
      day('2025-03-10', i % 470),
      2,
      0,
    ]),
  );
  const seen = new Set<string>();
  const att: unknown[][] = [];
  while (att.length < SIZE.bigAttendance) {
    const a = pick(acts);
    const p = pick(ap);
    if (seen.has(`${a}.${p}`)) continue;
    seen.add(`${a}.${p}`);
    att.push([a, p, big, new Date()]);
  }
  await bulk(pool, 'attendance', ['activity_id', 'person_id', 'studio_id', 'checked_in_at'], att);
  await bulk(
    pool,
    'certificates',
    ['studio_id', 'apprentice_id', 'level', 'awarded_on'],
    Array.from({ length: SIZE.bigCertificates }, (_, i) => [
      big,
      pick(apprentices),
      pick(levels),
      day('2025-06-01', i % 390),
    ]),
  );
  await bulk(
    pool,
    'achievements',
    ['studio_id', 'kind', 'level', 'title', 'date'],
    Array.from({ length: SIZE.bigAchievements }, (_, i) => [
      big,
      pick(['patent', 'award', 'media', 'innovation']),
      pick(['unit', 'city', 'national']),
      '成果',
      day('2025-04-01', i % 450),
    ]),
  );
  await bulk(
    pool,
    'fund_entries',
    ['studio_id', 'direction', 'source', 'category', 'amount', 'date'],
    Array.from({ length: SIZE.bigFunds }, (_, i) => [
      big,
      i % 3 === 0 ? 'spending' : 'income',
      i % 3 === 0 ? null : pick(['grant', 'unit_matching']),
      '经费',
      1000 + i,
      day('2025-04-01', i % 450),
    ]),
  );
  await bulk(
    pool,
    'documents',
    ['studio_id', 'kind', 'year', 'submitted_on'],
    Array.from({ length: SIZE.bigDocuments }, (_, i) => [
      big,
      pick(['annual_plan', 'annual_summary', 'mentoring_plan']),
      2025 + (i % 2),
      day('2025-01-10', i % 500),
    ]),
  );

  // The dashboard jurisdiction: SIZE.studios studios with a realistic archive each.
  const leaders = await bulk(
    pool,
    'people',
    ['name', 'birth_date', 'retirement_category', 'skill_level'],
    Array.from({ length: SIZE.studios }, (_, i) => [
      `领衔人${i}`,
      '1975-01-01',
      'male',
      'senior_technician',
    ]),
  );
  const studios = await bulk(
    pool,
    'studios',
    [
      'name',
      'trade',
      'unit_id',
      'jurisdiction_id',
      'leader_person_id',
      'leader_full_time',
      'recognized_on',
      'status',
    ],
    leaders.map((l, i) => [
      `领衔人${i}钳工技能大师工作室`,
      '钳工',
      unitsJ2[i % unitsJ2.length],
      j2,
      l,
      1,
      day('2024-01-01', i % 600),
      'active',
    ]),
  );
  const memberPeople = await bulk(
    pool,
    'people',
    ['name', 'skill_level'],
    studios.flatMap(() => [
      ['成员', 'technician'],
      ['成员', 'technician'],
      ['成员', 'senior'],
    ]),
  );
  await bulk(
    pool,
    'team_members',
    ['studio_id', 'person_id', 'full_time'],
    memberPeople.map((p, i) => [studios[Math.floor(i / 3)], p, 1]),
  );
  const sp = await bulk(
    pool,
    'people',
    ['name'],
    studios.flatMap(() => Array.from({ length: 8 }, () => ['徒弟'])),
  );
  const sa = await bulk(
    pool,
    'apprentices',
    ['studio_id', 'person_id', 'joined_on', 'agreement_signed_on'],
    sp.map((p, i) => [
      studios[Math.floor(i / 8)],
      p,
      day('2025-01-05', i % 400),
      day('2025-01-05', i % 400),
    ]),
  );
  await bulk(
    pool,
    'certificates',
    ['studio_id', 'apprentice_id', 'level', 'awarded_on'],
    sa
      .filter((_, i) => i % 8 < 3)
      .map((a, i) => [
        studios[Math.floor(sa.indexOf(a) / 8)],
        a,
        pick(levels),
        day('2025-09-01', i % 300),
      ]),
  );
  const sacts = await bulk(
    pool,
    'activities',
    ['studio_id', 'kind', 'title', 'date', 'extra_attendance', 'checkin_open'],
    studios.flatMap((s) =>
      Array.from({ length: 12 }, (_, k) => [
        s,
        pick(kinds),
        '活动',
        day('2025-07-01', k * 30),
        3,
        0,
      ]),
    ),
  );
  await bulk(
    pool,
    'attendance',
    ['activity_id', 'person_id', 'studio_id', 'checked_in_at'],
    sacts.flatMap((a, i) => {
      const s = Math.floor(i / 12);
      return [0, 1, 2].map((k) => [a, sp[s * 8 + ((i + k) % 8)], studios[s], new Date()]);
    }),
  );
  await bulk(
    pool,
    'achievements',
    ['studio_id', 'kind', 'level', 'title', 'date'],
    studios.flatMap((s) => [
      [s, 'patent', 'national', '专利', '2026-02-01'],
      [s, 'award', 'city', '奖项', '2025-11-01'],
    ]),
  );
  await bulk(
    pool,
    'fund_entries',
    ['studio_id', 'direction', 'source', 'category', 'amount', 'date'],
    studios.flatMap((s) => [
      [s, 'income', 'grant', '补助', 20000, '2025-03-01'],
      [s, 'income', 'unit_matching', '配套', 20000, '2025-05-01'],
      [s, 'spending', null, '设备', 8000, '2025-08-01'],
    ]),
  );
  await bulk(
    pool,
    'documents',
    ['studio_id', 'kind', 'year', 'submitted_on'],
    studios.flatMap((s) => [
      [s, 'annual_plan', 2026, '2025-12-20'],
      [s, 'annual_summary', 2025, '2025-12-28'],
      [s, 'mentoring_plan', 2026, '2026-01-10'],
    ]),
  );

  // Check-ins go to a studio of their own (same unit), so the rows they add never change the
  // 10k-record studio whose progress is measured. Its apprentices × fresh activities give
  // every request a new (activity, person); the raw baseline gets its own activities.
  const [cl] = await bulk(
    pool,
    'people',
    ['name', 'birth_date', 'retirement_category', 'skill_level'],
    [['李明', '1975-08-01', 'male', 'senior_technician']],
  );
  const [ck] = await bulk(
    pool,
    'studios',
    [
      'name',
      'trade',
      'unit_id',
      'jurisdiction_id',
      'leader_person_id',
      'leader_full_time',
      'recognized_on',
      'status',
    ],
    [['李明电工技能大师工作室', '电工', u1, j1, cl, 1, '2025-03-01', 'active']],
  );
  const cp = await bulk(
    pool,
    'people',
    ['name'],
    Array.from({ length: SIZE.bigApprentices }, (_, i) => [`签到徒弟${i}`]),
  );
  const ca = await bulk(
    pool,
    'apprentices',
    ['studio_id', 'person_id', 'joined_on', 'agreement_signed_on'],
    cp.map((p) => [ck, p, '2025-03-05', '2025-03-05']),
  );
  const checkinActs = await bulk(
    pool,
    'activities',
    ['studio_id', 'kind', 'title', 'date', 'extra_attendance', 'checkin_open'],
    Array.from({ length: SIZE.checkinActivities }, () => [
      ck,
      'training',
      '签到压测',
      '2026-06-01',
      0,
      1,
    ]),
  );
  const rawActs = await bulk(
    pool,
    'activities',
    ['studio_id', 'kind', 'title', 'date', 'extra_attendance', 'checkin_open'],
    Array.from({ length: SIZE.rawActivities }, () => [
      ck,
      'training',
      '原生插入对照',
      '2026-06-01',
      0,
      0,
    ]),
  );
  const jwt = new JwtService({ secret: SECRET, signOptions: { expiresIn: 3600 } });
  const codes = new CheckinCodes(SECRET, 3600);
  // One account per apprentice, as in real use (the check-in rate limit is per account). Every
  // grant holds only while its role row exists (AccessService), so each token has its account and row.
  const apprenticeAccounts = await bulk(
    pool,
    'accounts',
    ['name', 'person_id', 'created_at'],
    cp.map((p, i) => [`签到徒弟${i}`, p, new Date()]),
  );
  await bulk(
    pool,
    'role_memberships',
    ['account_id', 'role', 'studio_id', 'apprentice_id'],
    apprenticeAccounts.map((a, i) => [a, 'apprentice', ck, ca[i]]),
  );
  const tokens = cp.map((p, i) =>
    jwt.sign(
      toPayload({
        accountId: apprenticeAccounts[i] as number,
        personId: p,
        grants: [{ role: 'apprentice', studioId: ck as number, apprenticeId: ca[i] as number }],
      }),
    ),
  );
  const codeOf = checkinActs.map(
    (a) =>
      codes.issue(
        {
          activityId: a,
          studioId: ck as number,
          unitId: u1 as number,
          jurisdictionId: j1 as number,
        },
        Date.now(),
      ).code,
  );
  const pairs: World['pairs'] = [];
  for (let a = 0; a < checkinActs.length; a++) {
    for (let p = 0; p < cp.length; p++)
      pairs.push({ token: tokens[p] as string, code: codeOf[a] as string });
  }
  const rawPairs: [number, number][] = [];
  for (let a = 0; a < rawActs.length; a++) {
    for (let p = 0; p < cp.length; p++) rawPairs.push([rawActs[a] as number, cp[p] as number]);
  }
  const [acc] = await bulk(
    pool,
    'accounts',
    ['name', 'created_at'],
    [
      ['评审', new Date()],
      ['领办人', new Date()],
    ],
  );
  await bulk(
    pool,
    'role_memberships',
    ['account_id', 'role', 'jurisdiction_id', 'studio_id'],
    [
      [acc, 'reviewer', j2, null],
      [(acc as number) + 1, 'leader', null, big],
    ],
  );
  return {
    bigStudio: big as number,
    checkinStudio: ck as number,
    bigJurisdiction: j1 as number,
    bigUnit: u1 as number,
    dashJurisdiction: j2 as number,
    reviewerJ2: toPayload({
      accountId: acc as number,
      personId: null,
      grants: [{ role: 'reviewer', jurisdictionId: j2 as number }],
    }),
    leaderBig: toPayload({
      accountId: (acc as number) + 1,
      personId: leader as number,
      grants: [{ role: 'leader', studioId: big as number }],
    }),
    pairs,
    rawPairs,
  };
}
