import { removedGrants, roleRemovedMessage } from './access-lost';

describe('a removed role', () => {
  const contact = { role: 'unit_contact', unitId: 3, unitName: '天山装备' };
  const reviewer = { role: 'reviewer', jurisdictionId: 1, jurisdictionName: '乌鲁木齐市' };

  it('is a grant held at sign-in and missing now, matched by role and scope', () => {
    expect(removedGrants([contact, reviewer], [reviewer])).toEqual([contact]);
    expect(removedGrants([contact], [{ role: 'unit_contact', unitId: 4 }])).toEqual([contact]);
    expect(
      removedGrants([contact, reviewer], [reviewer, { ...contact, unitName: '改名' }]),
    ).toEqual([]);
    expect(removedGrants([], [reviewer])).toEqual([]);
  });

  it('is named in Chinese with its scope', () => {
    expect(roleRemovedMessage([contact])).toBe(
      '您的「单位联系人」（天山装备）角色已被移除，无法继续访问。请重新登录，或切换到其他角色。',
    );
    expect(roleRemovedMessage([{ role: 'member', studioId: 2 }, contact])).toContain(
      '「团队成员」、「单位联系人」（天山装备）',
    );
  });
});
