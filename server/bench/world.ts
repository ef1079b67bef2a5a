/**
 * The bench's data set, inserted straight into the database with bulk INSERTs (set-up, not
 * measured): deterministic (a seeded generator), sized by `WorldSize`. The studios are
 * world-studios.ts, the check-in studio world-checkin.ts, the helpers world-rows.ts.
 */
import type { Pool } from 'mysql2/promise';

import { insertCheckinStudio } from './world-checkin';
import { bulk } from './world-rows';
import { insertBigStudio, insertDashboardStudios } from './world-studios';

// Compiled output: the bench measures the real build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toPayload } = require('../dist/auth/caller') as typeof import('../src/auth/caller');

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
  const { big, leader } = await insertBigStudio(pool, SIZE, u1, j1);
  await insertDashboardStudios(pool, SIZE, j2, unitsJ2);
  const { ck, pairs, rawPairs } = await insertCheckinStudio(pool, SIZE, SECRET, u1, j1);
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
