import { citeZh, POLICY_SHORT_NAMES_ZH } from './citations';
import { POLICY_DEFINITIONS } from './policies/index';

describe('citeZh', () => {
  it('names the document instead of its policy id', () => {
    expect(citeZh('urumqi-2023 第四条')).toBe('乌鲁木齐市办法 第四条');
    expect(citeZh('gongshu-2020 考核表; yuzhong-2023 第十四条')).toBe(
      '拱墅区通知 考核表; 渝中区办法 第十四条',
    );
  });

  it('has a short name for every policy, and leaves no policy id in any target’s article', () => {
    for (const p of POLICY_DEFINITIONS) {
      expect(POLICY_SHORT_NAMES_ZH[p.id]).toBeTruthy();
      for (const t of p.targets) expect(citeZh(t.article)).not.toMatch(/[a-z]+-\d{4}/);
      expect(citeZh(p.cycleArticle)).not.toMatch(/[a-z]+-\d{4}/);
    }
  });
});
