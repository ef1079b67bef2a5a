/**
 * The measured studios of the bench's world: one big studio (~10k records in the full run) and
 * a dashboard jurisdiction of `size.studios` studios with a realistic archive each.
 */
import type { Pool } from 'mysql2/promise';

import type { WorldSize } from './world';
import { STUDIO_COLUMNS, bulk, day, insertLeaderStudio, kinds, levels, pick } from './world-rows';

/** The big studio in unit u1 of jurisdiction j1; returns it and its leader's person id. */
export async function insertBigStudio(
  pool: Pool,
  SIZE: WorldSize,
  u1: number | undefined,
  j1: number | undefined,
): Promise<{ big: number | undefined; leader: number | undefined }> {
  const { studio: big, leader } = await insertLeaderStudio(
    pool,
    { leader: '张建国', birthDate: '1972-05-01', name: '张建国焊工技能大师工作室', trade: '焊工' },
    u1,
    j1,
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
  return { big, leader };
}

/** SIZE.studios studios in jurisdiction j2, spread over its units. */
export async function insertDashboardStudios(
  pool: Pool,
  SIZE: WorldSize,
  j2: number | undefined,
  unitsJ2: number[],
): Promise<void> {
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
    STUDIO_COLUMNS,
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
}
