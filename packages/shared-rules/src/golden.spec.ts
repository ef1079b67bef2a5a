/**
 * Runs every JSON fixture in test-fixtures/golden with the semantics of the project's golden-case checker (docs/rules-contract.md):
 * case files `{ asOf, facts, expect }` and bad-facts files `{ base, cases: [{ name, asOf, mutate, field }] }`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, score } from './index.js';

const dir = join(__dirname, '..', 'test-fixtures', 'golden');
type Json = Record<string, unknown>;
const load = (name: string): Json => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Json;
const files = readdirSync(dir)
  .filter((n) => n.endsWith('.json'))
  .sort();

/** Collects "label is X, expected Y" failures the way check.mjs compares (numbers within 1e-9). */
function compare(label: string, actual: unknown, expected: unknown, out: string[]): void {
  if (expected !== null && typeof expected === 'object') {
    for (const [k, v] of Object.entries(expected))
      compare(`${label}.${k}`, (actual as Json | undefined)?.[k], v, out);
    return;
  }
  const ok =
    typeof actual === 'number' && typeof expected === 'number'
      ? Math.abs(actual - expected) < 1e-9
      : actual === expected;
  if (!ok) out.push(`${label} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

function byId<T extends Json>(arr: T[] | undefined, key = 'id'): Record<string, T> {
  return Object.fromEntries((arr ?? []).map((t) => [String(t[key]), t]));
}

function setPath(obj: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let o: Json = obj;
  for (const k of keys.slice(0, -1)) o = o[k] as Json;
  o[keys[keys.length - 1]!] = value;
}

function runCase(c: Json): string[] {
  const out: string[] = [];
  const facts = c.facts as Json;
  const prog = evaluate(structuredClone(facts), c.asOf) as unknown as Json;
  const sheet = score(structuredClone(facts), c.asOf) as unknown as Json;
  const x = c.expect as Json;
  const targets = byId(prog.targets as Json[]);
  for (const [id, exp] of Object.entries((x.targets as Json) ?? {})) {
    if (!targets[id]) out.push(`target ${id} missing`);
    else compare(`target ${id}`, targets[id], exp, out);
  }
  for (const id of (x.targetsAbsent as string[]) ?? [])
    if (targets[id]) out.push(`target ${id} should not exist`);
  const deadlines = byId(prog.deadlines as Json[]);
  for (const [id, exp] of Object.entries((x.deadlines as Json) ?? {})) {
    if (!deadlines[id]) out.push(`deadline ${id} missing`);
    else compare(`deadline ${id}`, deadlines[id], exp, out);
  }
  const findings = byId(prog.findings as Json[], 'rule');
  for (const [rule, sev] of Object.entries((x.findings as Json) ?? {})) {
    if (!findings[rule]) out.push(`finding ${rule} missing`);
    else compare(`finding ${rule}.severity`, findings[rule].severity, sev, out);
  }
  for (const rule of (x.findingsAbsent as string[]) ?? [])
    if (findings[rule]) out.push(`unexpected finding ${rule}`);
  const items = byId(sheet.items as Json[]);
  for (const [id, exp] of Object.entries((x.items as Json) ?? {})) {
    if (!items[id]) out.push(`item ${id} missing`);
    else compare(`item ${id}.score`, items[id].score, exp, out);
  }
  for (const [id, basis] of Object.entries((x.itemsBasis as Json) ?? {})) {
    if (!items[id]) out.push(`item ${id} missing`);
    else compare(`item ${id}.basis`, items[id].basis, basis, out);
  }
  for (const [k, v] of Object.entries((x.score as Json) ?? {})) {
    if (k === 'itemsCount') compare('items.length', (sheet.items as Json[]).length, v, out);
    else compare(`score.${k}`, sheet[k], v, out);
  }
  return out;
}

describe('golden fixtures', () => {
  it('has the public cases copied in', () => {
    expect(files).toEqual(
      expect.arrayContaining(['gongshu-basic.json', 'shunyi-basic.json', 'urumqi-basic.json']),
    );
  });

  for (const file of files) {
    const c = load(file);
    if (c.base && c.cases) {
      describe(file, () => {
        const base = load(`${c.base as string}.json`);
        for (const b of c.cases as Json[]) {
          it(`rejects ${b.name as string}, naming ${b.field as string}`, () => {
            const facts = structuredClone(base.facts) as Json;
            for (const [p, v] of Object.entries(b.mutate as Json)) setPath(facts, p, v);
            expect(() => evaluate(facts, b.asOf)).toThrow(b.field as string);
          });
        }
      });
    } else {
      it(`${file} meets its expectations`, () => {
        expect(runCase(c)).toEqual([]);
      });
    }
  }
});
