import { evaluate } from './evaluate';
import { studioFacts } from './test-support/factories';

describe('buildTarget', () => {
  describe('explanation', () => {
    const result = evaluate(studioFacts('urumqi-2023'), '2025-03-01');
    const talents = result.targets.find((t) => t.id === 'high_skill_talents');

    it('says what is missing in whole units and by when, not a fractional projection', () => {
      expect(talents?.period).toBeDefined();
      const by = talents?.period?.to.split('-').map(Number) ?? [];
      expect(talents?.explanation).toContain(
        `还差 ${talents?.required} 人，需在 ${by[0]}年${by[1]}月${by[2]}日前。`,
      );
      expect(talents?.explanation).not.toMatch(/期末预计|\d\.\d/);
    });

    it('cites its article by the document’s short name', () => {
      expect(talents?.explanation).toContain('（乌鲁木齐市办法 第四条）');
      expect(talents?.explanation).not.toContain('urumqi-2023');
    });
  });
});
