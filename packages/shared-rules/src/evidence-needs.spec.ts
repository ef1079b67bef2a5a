import { EVIDENCE_NEEDS, FACILITY_KINDS, FACILITY_LABELS_ZH } from './evidence-needs.js';
import { getPolicy } from './policies/index.js';

describe('evidence needs', () => {
  it('name only items the policy scores, each citing an article of that policy', () => {
    for (const [policyId, needs] of Object.entries(EVIDENCE_NEEDS)) {
      const spec = getPolicy(policyId).assessment;
      expect(spec.kind).toBe('items');
      const ids = new Set(spec.kind === 'items' ? spec.items.map((i) => i.id) : []);
      for (const n of needs) {
        expect(ids.has(n.item)).toBe(true);
        expect(n.article.startsWith(`${policyId} `)).toBe(true);
      }
    }
  });

  it('cover the documents the issue names: certificates, patents, awards, media, sign, honours board', () => {
    const items = (p: string) => (EVIDENCE_NEEDS[p] ?? []).map((n) => n.item);
    expect(items('urumqi-2023')).toEqual(expect.arrayContaining(['U4', 'U5', 'UB2', 'UB3', 'UB4']));
    expect(items('gongshu-2020')).toEqual(expect.arrayContaining(['G1', 'GB2', 'GB3']));
    for (const f of FACILITY_KINDS) expect(FACILITY_LABELS_ZH[f]).toBeTruthy();
  });
});
