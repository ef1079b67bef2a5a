import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../common/domain-error';
import type { Facts, Progress, Target } from '@master-studio/shared-rules';
import { RulesService } from '../rules/rules.service';
import { explainProgress, summarizeTarget, TARGET_LISTS } from './progress-explain';

// A golden case with counted and not-counted records (agreements, leavers, certificates out of range).
const golden = JSON.parse(
  readFileSync(
    join(
      __dirname,
      '../../../packages/shared-rules/test-fixtures/golden/audit-gongshu-mentored-edges.json',
    ),
    'utf8',
  ),
) as { asOf: string; facts: Facts };
const full: Progress = new RulesService().evaluate(golden.facts, golden.asOf);
const lists = (t: Target) => ({
  countedRecords: t.countedRecords as { record: string }[],
  counted: t.counted as string[],
  excluded: t.excluded as { reason: string }[],
});

describe('explainProgress', () => {
  it('the case has targets with counted and with not-counted records', () => {
    expect(full.targets.some((t) => lists(t).countedRecords.length > 0)).toBe(true);
    expect(full.targets.some((t) => lists(t).excluded.length > 1)).toBe(true);
  });

  it('summary (no explain): every target keeps every other field and the exact counts, no lists', () => {
    const out = explainProgress(full);
    expect(out.targets).toHaveLength(full.targets.length);
    expect(out.deadlines).toBe(full.deadlines);
    expect(out.findings).toBe(full.findings);
    expect({ ...out, targets: [] }).toEqual({ ...full, targets: [] });
    full.targets.forEach((t, i) => {
      const s = out.targets[i] as Target & Record<string, unknown>;
      for (const k of TARGET_LISTS) expect(s).not.toHaveProperty(k);
      for (const [k, v] of Object.entries(t))
        if (!(TARGET_LISTS as readonly string[]).includes(k)) expect(s[k]).toEqual(v);
      const { countedRecords, counted, excluded } = lists(t);
      expect(s.countedCount).toBe(countedRecords.length);
      expect(s.countedCount).toBe(counted.length);
      expect(s.excludedCount).toBe(excluded.length);
      const byReason: Record<string, number> = {};
      for (const e of excluded) byReason[e.reason] = (byReason[e.reason] ?? 0) + 1;
      expect(s.excludedByReason).toEqual(byReason);
      expect(
        Object.values(s.excludedByReason as Record<string, number>).reduce((a, b) => a + b, 0),
      ).toBe(excluded.length);
    });
    expect(JSON.stringify(out).length).toBeLessThan(JSON.stringify(full).length);
  });

  it('does not change what evaluate returned', () => {
    const before = JSON.stringify(full);
    explainProgress(full);
    explainProgress(full, full.targets[0]?.id);
    expect(JSON.stringify(full)).toBe(before);
  });

  it('explain=<target id>: exactly that target keeps its lists, the others are summarized', () => {
    const id = full.targets.find((t) => lists(t).excluded.length > 0)?.id ?? '';
    const out = explainProgress(full, id);
    out.targets.forEach((t, i) => {
      if (t.id === id) expect(t).toEqual(full.targets[i]);
      else {
        expect(t).toEqual(summarizeTarget(full.targets[i] as Target));
        for (const k of TARGET_LISTS) expect(t).not.toHaveProperty(k);
      }
    });
    expect(out.targets.filter((t) => 'countedRecords' in t).map((t) => t.id)).toEqual([id]);
  });

  it('explain=all: the full output of evaluate', () => {
    expect(explainProgress(full, 'all')).toEqual(full);
  });

  it('an unknown target id is a validation error with a Chinese message', () => {
    let err: unknown;
    try {
      explainProgress(full, 'no_such_target');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { explain: expect.stringContaining('没有目标') as unknown },
    });
  });
});
