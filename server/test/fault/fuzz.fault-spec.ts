import fc from 'fast-check';
import request from 'supertest';
import { verifyChain } from '../../src/audit/audit-chain';
import type { Caller } from '../../src/auth/caller';
import { makeTenant, type Tenant } from '../factories/world';
import { startTestApp, type TestApp } from '../support/test-app';
import { requireMysqlUrl, writeFigures } from './figures';

/**
 * Issue 10 item 10: bad input over every write endpoint (POST, PUT, PATCH, DELETE), found in the
 * OpenAPI document, so a new endpoint is fuzzed without touching this file. Counts requests and
 * asserts no answer ≥ 500 and no partial write: a refused request leaves every table as it was
 * (CHECKSUM TABLE before and after). FUZZ_RUNS per endpoint: 12 quick, more for the long form.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20260101);

type Op = { method: 'post' | 'put' | 'patch' | 'delete'; path: string; fields: string[] };

const weird = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1e21,
    -1e308,
    2147483648,
    1e20,
    0.5,
    '',
    ' ',
    '\u0000',
    '2025-02-30',
    '9999-99-99',
    'NaN',
    '💥',
    '<script>',
    "'; DROP TABLE x; --",
  ),
  fc.string({ maxLength: 300 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 4 }),
);

function bodyArbitrary(fields: string[]): fc.Arbitrary<{ type: string; text: string }> {
  const named = fields.length
    ? fc.dictionary(fc.constantFrom(...fields), weird, { maxKeys: fields.length + 1 })
    : fc.constant({});
  const json = fc.oneof(
    { weight: 5, arbitrary: named },
    { weight: 2, arbitrary: fc.dictionary(fc.string({ maxLength: 20 }), weird, { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
  return fc.oneof(
    {
      weight: 8,
      arbitrary: json.map((v) => ({ type: 'application/json', text: JSON.stringify(v) ?? 'null' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 33, max: 3000 })
        .map((d) => ({ type: 'application/json', text: '['.repeat(d) + ']'.repeat(d) })),
    },
    {
      weight: 1,
      arbitrary: fc.string({ maxLength: 200 }).map((text) => ({ type: 'application/json', text })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          'application/x-www-form-urlencoded',
          'text/plain',
          'multipart/form-data; boundary=x',
          'application/json; charset=gbk',
        )
        .map((type) => ({ type, text: 'a=1&b=2' })),
    },
  );
}

describe('fuzz: every write endpoint with bad input', () => {
  let t: TestApp;
  let x: Tenant;
  let ops: Op[];
  let tables: string[];

  beforeAll(async () => {
    requireMysqlUrl();
    t = await startTestApp({ DEMO_LOGIN: 'true' });
    x = await makeTenant(t.db, '辰');
    const doc = (await request(t.http).get('/api/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<
          string,
          { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }
        >
      >;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      (['post', 'put', 'patch', 'delete'] as const).flatMap((method) => {
        const op = methods[method];
        if (!op) return [];
        const ref = op.requestBody?.content?.['application/json']?.schema?.$ref?.split('/').pop();
        return [
          {
            method,
            path,
            fields: Object.keys((ref && doc.components.schemas[ref]?.properties) || {}),
          },
        ];
      }),
    );
    tables = (
      (await t.db.query(
        "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'migrations'",
      )) as { t: string }[]
    ).map((r) => r.t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const pathFor = (path: string): string =>
    path.replace(/\{(\w+)\}/g, (_, name: string, offset: number) => {
      const before = path.slice(0, offset);
      if (name === 'studioId') return String(x.studioId);
      if (name === 'activityId') return String(x.activityId);
      if (name === 'jurisdictionId') return String(x.jurisdictionId);
      if (name === 'periodKey') return '2025';
      if (name === 'itemId') return 'U10';
      const ids: [string, number][] = [
        ['members/', x.memberId],
        ['apprentices/', x.apprenticeId],
        ['certificates/', x.certificateId],
        ['activities/', x.activityId],
        ['achievements/', x.achievementId],
        ['funds/', x.fundId],
        ['documents/', x.documentId],
      ];
      return String(ids.find(([seg]) => before.endsWith(seg))?.[1] ?? 1);
    });

  const checksum = async (skipAudit: boolean): Promise<string> => {
    const list = tables.filter((n) => !(skipAudit && n.startsWith('audit_')));
    return JSON.stringify(
      await t.db.query(`CHECKSUM TABLE ${list.map((n) => `\`${n}\``).join(', ')}`),
    );
  };

  it('answers every request below 500 and writes nothing when it refuses', async () => {
    expect(ops.length).toBeGreaterThanOrEqual(20);
    const callers: (Caller | null)[] = [
      x.callers.leader,
      x.callers.unit_contact,
      x.callers.reviewer,
      x.callers.apprentice,
      null,
    ];
    let tried = 0;
    const fivexx: string[] = [];
    const partial: string[] = [];
    for (const [i, op] of ops.entries()) {
      const samples = fc.sample(fc.tuple(bodyArbitrary(op.fields), fc.nat(callers.length - 1)), {
        numRuns: RUNS,
        seed: SEED + i,
      });
      for (const [body, who] of samples) {
        const caller = callers[who] ?? null;
        // Sign-ins audit their failures on purpose: leave the audit tables out there.
        const before = await checksum(op.path.startsWith('/api/auth/'));
        let req = request(t.http)[op.method](pathFor(op.path)).set('content-type', body.type);
        if (caller) req = req.set('authorization', `Bearer ${t.token(caller)}`);
        const res = await req.send(body.text);
        tried++;
        const label = `${op.method.toUpperCase()} ${op.path} ${res.status} ${body.text.slice(0, 80)}`;
        if (res.status >= 500) fivexx.push(`${label} → ${JSON.stringify(res.body)}`);
        if (res.status >= 400 && (await checksum(op.path.startsWith('/api/auth/'))) !== before)
          partial.push(label);
      }
    }
    const chain = await verifyChain(t.db);
    writeFigures('fuzz', {
      endpoints: ops.length,
      runsPerEndpoint: RUNS,
      seed: SEED,
      requests: tried,
      answers5xx: fivexx.length,
      partialWrites: partial.length,
      auditChainOk: chain.ok,
    });
    console.log(
      `fuzz: ${ops.length} write endpoints, ${tried} requests, ${fivexx.length} answers ≥ 500, ${partial.length} partial writes`,
    );
    expect(fivexx).toEqual([]);
    expect(partial).toEqual([]);
    expect(chain.ok).toBe(true);
  }, 600_000);
});
