/**
 * The demo accounts, one per role (and a few more so every dashboard has a viewer), each with its
 * role rows; a member role is bound to the person's team-member row in that studio.
 */
import type { EntityManager } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { RoleMembership, type Role } from '../accounts/role-membership.entity';
import { TeamMember } from '../members/team-member.entity';
import { Jurisdiction } from '../org/jurisdiction.entity';
import { Unit } from '../org/unit.entity';

import type { SeededStudio } from './demo-studio';

export async function seedAccounts(
  m: EntityManager,
  studios: Map<string, SeededStudio>,
  jurisdictions: Jurisdiction[],
  units: Unit[],
): Promise<void> {
  const now = new Date();
  const account = async (
    username: string,
    name: string,
    personId: number | null,
    roles: Partial<RoleMembership>[],
  ): Promise<void> => {
    const a = await m.save(
      Account,
      m.create(Account, { username, name, personId, wechatOpenid: null, createdAt: now }),
    );
    for (const r of roles) {
      // A member role is bound to the person's team-member record in that studio (entered here if missing).
      let teamMemberId: number | null = null;
      if (r.role === 'member' && personId !== null && r.studioId) {
        const tm =
          (await m.findOneBy(TeamMember, { studioId: r.studioId, personId })) ??
          (await m.save(
            TeamMember,
            m.create(TeamMember, {
              studioId: r.studioId,
              personId,
              fullTime: false,
              yearsInTrade: null,
              joinedOn: null,
              leftOn: null,
            }),
          ));
        teamMemberId = tm.id;
      }
      await m.insert(RoleMembership, {
        accountId: a.id,
        role: r.role as Role,
        studioId: r.studioId ?? null,
        unitId: r.unitId ?? null,
        jurisdictionId: r.jurisdictionId ?? null,
        apprenticeId: r.apprenticeId ?? null,
        teamMemberId,
      });
    }
  };

  // Demo accounts, one per role (and a few more so every dashboard has a viewer).
  const s = (key: string) => studios.get(key) as SeededStudio;
  const zjg = s('zjg');
  const whf = s('whf');
  await account('leader', zjg.leader.name, zjg.leader.id, [
    { role: 'leader', studioId: zjg.studio.id },
  ]);
  await account('member', zjg.firstMember?.name ?? '成员', zjg.firstMember?.id ?? null, [
    { role: 'member', studioId: zjg.studio.id },
  ]);
  await account(
    'apprentice',
    zjg.firstApprentice?.p.name ?? '徒弟',
    zjg.firstApprentice?.p.id ?? null,
    [
      {
        role: 'apprentice',
        studioId: zjg.studio.id,
        apprenticeId: zjg.firstApprentice?.a.id ?? null,
      },
    ],
  );
  await account('unit', '新疆天山装备制造有限公司 人力资源部 刘娟', null, [
    { role: 'unit_contact', unitId: (units[0] as Unit).id },
  ]);
  await account('reviewer', '乌鲁木齐市人社局 职业能力建设处 马建新', null, [
    { role: 'reviewer', jurisdictionId: (jurisdictions[0] as Jurisdiction).id },
  ]);
  await account('leader2', whf.leader.name, whf.leader.id, [
    { role: 'leader', studioId: whf.studio.id },
  ]);
  await account(
    'apprentice2',
    whf.firstApprentice?.p.name ?? '徒弟',
    whf.firstApprentice?.p.id ?? null,
    [
      {
        role: 'apprentice',
        studioId: whf.studio.id,
        apprenticeId: whf.firstApprentice?.a.id ?? null,
      },
    ],
  );
  await account('unit2', '杭州运河机电有限公司 工会 方晓', null, [
    { role: 'unit_contact', unitId: (units[2] as Unit).id },
  ]);
  await account('reviewer2', '拱墅区人社局 培训就业科 沈立', null, [
    { role: 'reviewer', jurisdictionId: (jurisdictions[1] as Jurisdiction).id },
  ]);
  await account('reviewer3', '渝中区人社局 职业能力建设科 冉静', null, [
    { role: 'reviewer', jurisdictionId: (jurisdictions[2] as Jurisdiction).id },
  ]);
  await account('reviewer4', '顺义区人社局 职业能力建设科 白杨', null, [
    { role: 'reviewer', jurisdictionId: (jurisdictions[3] as Jurisdiction).id },
  ]);
  await account('reviewer5', '韶关市人社局 职业能力建设科 温志华', null, [
    { role: 'reviewer', jurisdictionId: (jurisdictions[4] as Jurisdiction).id },
  ]);
  // One person, two roles in two studios: leads one studio and is a team member of another.
  const glz = s('glz');
  await account('multi', glz.leader.name, glz.leader.id, [
    { role: 'leader', studioId: glz.studio.id },
    { role: 'member', studioId: s('lwd').studio.id },
  ]);
  // No roles yet: signs in and joins a studio with an invitation code (docs/api.md "Onboarding").
  await account('newcomer', '新用户', null, []);
}
