import { getPolicy } from '../policies/index.js';
import { studioNameCheck } from './studio-name.js';

describe('studioNameCheck (the new-studio form checks the name as it is typed)', () => {
  const urumqi = getPolicy('urumqi-2023');
  const yuzhong = getPolicy('yuzhong-2023');

  it('accepts 姓名+工种+技能大师工作室 (urumqi-2023 第九条（二）)', () => {
    expect(studioNameCheck(urumqi, '王建国焊工技能大师工作室', '王建国', '焊工')).toBeNull();
    expect(studioNameCheck(urumqi, '王芳中式面点技能大师工作室', '王芳', '中式面点师')).toBeNull();
  });

  it('names the format, an example and the article when the name does not fit', () => {
    const p = studioNameCheck(urumqi, '焊接创新工作室', '王建国', '焊工');
    expect(p?.expected).toBe('王建国焊工技能大师工作室');
    // The policy's Chinese short name, not its id (issue 11 item 11).
    expect(p?.message).toContain('乌鲁木齐市办法 第九条（二）');
    expect(p?.message).not.toContain('urumqi-2023');
    expect(p?.article).toContain('urumqi-2023');
  });

  it('checks only the suffix while the leader or trade is not filled in yet', () => {
    expect(studioNameCheck(urumqi, '某某技能大师工作室', '', '')).toBeNull();
    expect(studioNameCheck(urumqi, '某某工作室', '', '')?.message).toContain('技能大师工作室');
  });

  it("uses each policy's own suffix (yuzhong-2023: 区级技能大师工作室)", () => {
    expect(studioNameCheck(yuzhong, '王建国焊工技能大师工作室', '王建国', '焊工')?.expected).toBe(
      '王建国焊工区级技能大师工作室',
    );
    expect(studioNameCheck(yuzhong, '王建国焊工区级技能大师工作室', '王建国', '焊工')).toBeNull();
  });

  it('says nothing about an empty name (the required check does)', () => {
    expect(studioNameCheck(urumqi, '', '王建国', '焊工')).toBeNull();
  });
});
