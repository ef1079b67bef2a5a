import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { Caller } from '../src/auth/caller';
import { todayInShanghai } from '../src/common/dates';
import { Jurisdiction } from '../src/org/jurisdiction.entity';
import type { Facts } from '@master-studio/shared-rules';
import { makeAccount } from './factories/world';
import { exportedSheet } from './support/sheet-readback';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The shared-rules golden cases, entered through the HTTP API as a leader and a reviewer
 * would, then read back: the facts the server builds from its database must be the case's
 * facts (ids aside), and progress/assessment must meet the case's `expect` exactly as
 * the golden-case checker checks it. This is what proves the DB→Facts mapping
 * (server/src/progress/facts.loader.ts); the rules' own tests cannot.
 *
 * Set through factories, because no endpoint creates them: the jurisdiction (its policyId)
 * and the accounts (reviewer of the jurisdiction, leader of the new studio, apprentice
 * accounts for check-ins) — in production those come from the admin CLI and invitations.
 * Everything the rules read is entered through the API: the unit (POST /units), the studio
 * with recognizedOn and the leader's birthDate/retirementCategory/skillLevel/fullTime
 * (POST /studios), the checklist (PATCH /studios/:id), vetoed/assessmentTotal
 * (PATCH /studios/:id/standing), members, apprentices (joinedOn/agreementSignedOn/leftOn),
 * certificates, activities (attendance = real check-ins + extraAttendance), achievements,
 * income funds, documents and judgments (PUT as the reviewer).
 */

type Golden = {
  asOf: string;
  facts: Facts;
  expect: {
    targets?: Record<string, object>;
    targetsAbsent?: string[];
    deadlines?: Record<string, object>;
    findings?: Record<string, string>;
    findingsAbsent?: string[];
    items?: Record<string, number>;
    itemsBasis?: Record<string, string>;
    score?: Record<string, unknown>;
  };
};

const GOLDEN_DIR = join(__dirname, '../../packages/shared-rules/test-fixtures/golden');
const CASES = [
  // the three public cases
  'urumqi-basic',
  'gongshu-basic',
  'shunyi-basic',
  // hand-computed audit cases with rich data: apprentice/agreement/leftOn edges, certificates
  // before joining or after asOf, checklist flags false, judgments above the item max
  'audit-gongshu-mentored-edges',
  // second urumqi cycle: funds/certificates/activities/publications on both sides of the cycle and of asOf
  'audit-urumqi-second-cycle',
  // vetoed + assessmentTotal (reviewer's standing), fourteen members, leader age
  'audit-yuzhong-pass-75-age-name',
];
const load = (name: string): Golden =>
  JSON.parse(readFileSync(join(GOLDEN_DIR, `${name}.json`), 'utf8')) as Golden;

// ---- check.mjs semantics -------------------------------------------------------------------
const near = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : a === b;
function check(fails: string[], label: string, actual: unknown, expected: unknown): void {
  if (expected !== null && typeof expected === 'object') {
    for (const [k, v] of Object.entries(expected))
      check(fails, `${label}.${k}`, (actual as Record<string, unknown> | undefined)?.[k], v);
    return;
  }
  if (!near(actual, expected))
    fails.push(`${label} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

type Progress = {
  targets: { id: string }[];
  deadlines: { id: string }[];
  findings: { rule: string; severity: string; message: string }[];
};
type Sheet = { items: { id: string; score: number; basis: string }[] } & Record<string, unknown>;

function checkExpect(x: Golden['expect'], prog: Progress, sheet: Sheet): string[] {
  const fails: string[] = [];
  const byId = <T extends { id: string }>(arr: T[] | undefined) =>
    Object.fromEntries((arr ?? []).map((t) => [t.id, t])) as Record<string, T>;
  const targets = byId(prog.targets);
  for (const [id, exp] of Object.entries(x.targets ?? {})) {
    if (!targets[id]) fails.push(`target ${id} missing`);
    else check(fails, `target ${id}`, targets[id], exp);
  }
  for (const id of x.targetsAbsent ?? [])
    if (targets[id]) fails.push(`target ${id} should not exist`);
  const deadlines = byId(prog.deadlines);
  for (const [id, exp] of Object.entries(x.deadlines ?? {})) {
    if (!deadlines[id]) fails.push(`deadline ${id} missing`);
    else check(fails, `deadline ${id}`, deadlines[id], exp);
  }
  const findings: Record<string, Progress['findings'][number]> = {};
  for (const f of prog.findings ?? []) findings[f.rule] = f;
  for (const [rule, sev] of Object.entries(x.findings ?? {})) {
    if (!findings[rule]) fails.push(`finding ${rule} missing`);
    else check(fails, `finding ${rule}.severity`, findings[rule].severity, sev);
  }
  for (const rule of x.findingsAbsent ?? [])
    if (findings[rule]) fails.push(`unexpected finding ${rule}: ${findings[rule].message}`);
  const items = byId(sheet.items);
  for (const [id, exp] of Object.entries(x.items ?? {})) {
    if (!items[id]) fails.push(`item ${id} missing`);
    else check(fails, `item ${id}.score`, items[id].score, exp);
  }
  for (const [id, basis] of Object.entries(x.itemsBasis ?? {})) {
    if (!items[id]) fails.push(`item ${id} missing`);
    else check(fails, `item ${id}.basis`, items[id].basis, basis);
  }
  for (const [k, v] of Object.entries(x.score ?? {})) {
    if (k === 'itemsCount') check(fails, 'items.length', (sheet.items ?? []).length, v);
    else check(fails, `score.${k}`, sheet[k], v);
  }
  return fails;
}

// ---- facts normalisation: ids are the server's, so records are compared by content --------
const sortBy = <T>(arr: T[]): T[] =>
  [...arr].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
function normalise(f: Facts): unknown {
  const nameOf = new Map(f.apprentices.map((a) => [String(a.id), a.name]));
  return {
    policyId: f.policyId,
    studio: f.studio,
    leader: f.leader,
    members: sortBy(
      f.members.map((m) => ({
        name: m.name,
        skillLevel: m.skillLevel,
        fullTime: m.fullTime,
        ...(m.yearsInTrade !== undefined ? { yearsInTrade: m.yearsInTrade } : {}),
      })),
    ),
    apprentices: sortBy(
      f.apprentices.map((a) => ({
        name: a.name,
        joinedOn: a.joinedOn,
        agreementSignedOn: a.agreementSignedOn ?? null,
        leftOn: a.leftOn ?? null,
      })),
    ),
    certificates: sortBy(
      f.certificates.map((c) => ({
        apprentice: nameOf.get(String(c.apprenticeId)) ?? `?${c.apprenticeId}`,
        level: c.level,
        awardedOn: c.awardedOn,
      })),
    ),
    activities: sortBy(
      f.activities.map((a) => ({ kind: a.kind, date: a.date, attendance: a.attendance })),
    ),
    achievements: sortBy(
      f.achievements.map((a) => ({ kind: a.kind, level: a.level, date: a.date })),
    ),
    funds: sortBy(f.funds.map((x) => ({ source: x.source, amount: x.amount, date: x.date }))),
    documents: sortBy(
      f.documents.map((d) => ({ kind: d.kind, year: d.year, submittedOn: d.submittedOn })),
    ),
    judgments: f.judgments ?? {},
    assessmentTotal: f.assessmentTotal ?? null,
  };
}

describe('golden cases entered through the API', () => {
  let t: TestApp;
  const bearer = (c: Caller) => `Bearer ${t.token(c)}`;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe.each(CASES)('%s', (name) => {
    const c = load(name);
    const f = c.facts;
    let studioId = 0;
    let leader: Caller;
    let reviewer: Caller;
    let jurisdictionId = 0;

    beforeAll(async () => {
      const m = t.db.manager;
      // Factory: jurisdictions (and their policy) are set up by the admin CLI, not the API.
      const j = await m.save(
        Jurisdiction,
        m.create(Jurisdiction, { name: `${name}辖区`, policyId: f.policyId }),
      );
      jurisdictionId = j.id;
      reviewer = await makeAccount(m, `${name}评审`, null, [
        { role: 'reviewer', jurisdictionId: j.id },
      ]);
      const post = async <T>(by: Caller, path: string, body: object, status = 201): Promise<T> =>
        (
          await request(t.http)
            .post(`/api${path}`)
            .set('authorization', bearer(by))
            .send(body)
            .expect(status)
        ).body as T;

      const unit = await post<{ id: number }>(reviewer, '/units', {
        jurisdictionId: j.id,
        name: `${name}单位`,
      });
      const studio = await post<{ id: number; leader: { personId: number } }>(
        reviewer,
        '/studios',
        {
          unitId: unit.id,
          name: f.studio.name,
          trade: f.studio.trade,
          recognizedOn: f.studio.recognizedOn,
          leader: f.leader,
        },
      );
      studioId = studio.id;
      // Factory: the leader's account (production: an invitation redeemed over WeChat).
      leader = await makeAccount(m, `${name}领办人账号`, studio.leader.personId, [
        { role: 'leader', studioId },
      ]);
      const base = `/studios/${studioId}`;

      const { name: _n, trade: _t, recognizedOn: _r, vetoed, ...checklist } = f.studio;
      if (Object.keys(checklist).length)
        await request(t.http)
          .patch(`/api${base}`)
          .set('authorization', bearer(leader))
          .send(checklist)
          .expect(200);
      const standing = {
        ...(vetoed !== undefined ? { vetoed } : {}),
        ...(f.assessmentTotal !== undefined ? { assessmentTotal: f.assessmentTotal } : {}),
      };
      if (Object.keys(standing).length)
        await request(t.http)
          .patch(`/api${base}/standing`)
          .set('authorization', bearer(reviewer))
          .send(standing)
          .expect(200);

      for (const mem of f.members) await post(leader, `${base}/members`, mem);

      const apprentices = new Map<string, { id: number; personId: number }>();
      for (const a of f.apprentices) {
        const created = await post<{ id: number; personId: number }>(
          leader,
          `${base}/apprentices`,
          {
            name: a.name,
            joinedOn: a.joinedOn,
            ...(a.agreementSignedOn ? { agreementSignedOn: a.agreementSignedOn } : {}),
            ...(a.leftOn ? { leftOn: a.leftOn } : {}),
          },
        );
        apprentices.set(a.id, created);
      }
      for (const cert of f.certificates) {
        const ap = apprentices.get(cert.apprenticeId);
        if (!ap)
          throw new Error(`${name}: certificate for unknown apprentice ${cert.apprenticeId}`);
        await post(leader, `${base}/certificates`, {
          apprenticeId: ap.id,
          level: cert.level,
          awardedOn: cert.awardedOn,
        });
      }

      // Attendance = check-ins + extraAttendance. The first activity gets real check-ins from
      // up to two of the case's apprentices (accounts by factory), the rest as extra attendance.
      // Only apprentices still on the roster can check in (a left apprentice's role no longer holds).
      const checkers = f.apprentices
        .filter((a) => !a.leftOn)
        .flatMap((a) =>
          apprentices.has(a.id) ? [apprentices.get(a.id) as { id: number; personId: number }] : [],
        )
        .slice(0, 2);
      for (const [i, act] of f.activities.entries()) {
        const scanning = i === 0 ? checkers.slice(0, act.attendance) : [];
        // Check-in opens only on the activity's day: scanned ones are held today, then dated.
        const created = await post<{ id: number }>(leader, `${base}/activities`, {
          kind: act.kind,
          title: `${act.kind} ${act.date}`,
          date: scanning.length ? todayInShanghai() : act.date,
          extraAttendance: act.attendance - scanning.length,
        });
        if (!scanning.length) continue;
        const { code } = (
          await request(t.http)
            .post(`/api${base}/activities/${created.id}/checkin`)
            .set('authorization', bearer(leader))
            .expect(200)
        ).body as { code: string };
        for (const ap of scanning) {
          const account = await makeAccount(m, `${name}徒弟${ap.id}`, ap.personId, [
            { role: 'apprentice', studioId, apprenticeId: ap.id },
          ]);
          await request(t.http)
            .post('/api/checkins')
            .set('authorization', bearer(account))
            .send({ code })
            .expect(200);
        }
        await request(t.http)
          .delete(`/api${base}/activities/${created.id}/checkin`)
          .set('authorization', bearer(leader))
          .expect(204);
        await request(t.http)
          .patch(`/api${base}/activities/${created.id}`)
          .set('authorization', bearer(leader))
          .send({ date: act.date })
          .expect(200);
      }
      for (const r of f.achievements)
        await post(leader, `${base}/achievements`, {
          kind: r.kind,
          level: r.level,
          title: `${r.kind} ${r.date}`,
          date: r.date,
        });
      for (const x of f.funds)
        await post(leader, `${base}/funds`, {
          direction: 'income',
          source: x.source,
          category: x.source === 'grant' ? '补助资金' : '单位配套',
          amount: x.amount,
          date: x.date,
        });
      // A spending entry: never part of the facts' funds (they are income only).
      const firstFund = f.funds[0];
      if (firstFund)
        await post(leader, `${base}/funds`, {
          direction: 'spending',
          category: '设备购置',
          amount: 1234.5,
          date: firstFund.date,
        });
      for (const d of f.documents)
        await post(leader, `${base}/documents`, {
          kind: d.kind,
          year: d.year,
          submittedOn: d.submittedOn,
        });
      for (const [item, score] of Object.entries(f.judgments ?? {})) {
        await request(t.http)
          .put(`/api${base}/judgments/${item}`)
          .set('authorization', bearer(reviewer))
          .send({ score })
          .expect(200);
      }
    });

    it('the server builds the case facts from what was entered', async () => {
      const res = await request(t.http)
        .get(`/api/studios/${studioId}/facts?asOf=${c.asOf}`)
        .set('authorization', bearer(leader))
        .expect(200);
      expect(normalise(res.body as Facts)).toEqual(normalise(f));
    });

    it('progress and assessment meet the case expectations', async () => {
      const prog = (
        await request(t.http)
          .get(`/api/studios/${studioId}/progress?asOf=${c.asOf}`)
          .set('authorization', bearer(reviewer))
          .expect(200)
      ).body as Progress;
      const sheet = (
        await request(t.http)
          .get(`/api/studios/${studioId}/assessment?asOf=${c.asOf}`)
          .set('authorization', bearer(leader))
          .expect(200)
      ).body as Sheet;
      expect(checkExpect(c.expect, prog, sheet)).toEqual([]);
    });

    it('the exported assessment sheet (xlsx, read back) carries the expected item scores and total', async () => {
      const read = await exportedSheet(t.http, studioId, c.asOf, bearer(reviewer));
      const basis = c.expect.itemsBasis ?? {};
      for (const [id, score] of Object.entries(c.expect.items ?? {}))
        expect([id, read.items[id] ?? (basis[id] === 'pending' ? 0 : null)]).toEqual([id, score]);
      const total = c.expect.score?.total;
      if (typeof total === 'number') expect(read.total ?? 0).toBeCloseTo(total, 9);
    });

    it('the jurisdiction dashboard (the set-based loader path, check-ins counted per activity) shows the same targets', async () => {
      const res = await request(t.http)
        .get(`/api/dashboards/jurisdiction/${jurisdictionId}?asOf=${c.asOf}`)
        .set('authorization', bearer(reviewer))
        .expect(200);
      const items = (
        res.body as {
          items: { studio: { id: number }; targets: { id: string }[]; error?: string }[];
        }
      ).items;
      expect(items.map((i) => [i.studio.id, i.error])).toEqual([[studioId, undefined]]);
      expect(
        checkExpect(
          { targets: c.expect.targets, targetsAbsent: c.expect.targetsAbsent },
          { targets: items[0]?.targets ?? [], deadlines: [], findings: [] },
          { items: [] },
        ),
      ).toEqual([]);
    });
  });
});
