/**
 * The bench's check-in studio (same unit as the big one, so its rows never change the measured
 * studio): one account and token per apprentice, open activities with their signed codes, and
 * the (activity, person) pairs the API run and the raw INSERT baseline use.
 */
import type { Pool } from 'mysql2/promise';

import type { World, WorldSize } from './world';
import { bulk, insertLeaderStudio } from './world-rows';

// Compiled output: the bench measures the real build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toPayload } = require('../dist/auth/caller') as typeof import('../src/auth/caller');
const { CheckinCodes } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../dist/checkin/checkin-code') as typeof import('../src/checkin/checkin-code');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JwtService } = require('@nestjs/jwt') as typeof import('@nestjs/jwt');

export async function insertCheckinStudio(
  pool: Pool,
  SIZE: WorldSize,
  SECRET: string,
  u1: number | undefined,
  j1: number | undefined,
): Promise<{ ck: number | undefined; pairs: World['pairs']; rawPairs: World['rawPairs'] }> {
  // Check-ins go to a studio of their own (same unit), so the rows they add never change the
  // 10k-record studio whose progress is measured. Its apprentices × fresh activities give
  // every request a new (activity, person); the raw baseline gets its own activities.
  const { studio: ck } = await insertLeaderStudio(
    pool,
    { leader: '李明', birthDate: '1975-08-01', name: '李明电工技能大师工作室', trade: '电工' },
    u1,
    j1,
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
  return { ck, pairs, rawPairs };
}
