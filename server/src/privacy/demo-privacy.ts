import { IsNull, Not, type EntityManager } from 'typeorm';
import { PRIVACY_NOTICE_VERSION } from '@master-studio/shared-rules';
import { Account } from '../accounts/account.entity';
import { Person } from '../accounts/person.entity';
import { RoleMembership } from '../accounts/role-membership.entity';
import { Apprentice } from '../apprentices/apprentice.entity';
import { Studio } from '../studios/studio.entity';
import { PrivacyConsent } from './privacy.entities';

/**
 * The demo data's privacy state (seed/demo-seed.ts, last step). The demo accounts are fictional
 * people who have read the current notice (channel `seed`), so a demo goes straight to its
 * screens; one apprentice just added by her leader, `newapprentice` (林小雨), has not, and sees the
 * notice at her first sign-in (mini/scripts/e2e-privacy.mjs). She joins the last demo studio, which
 * no other demo account signs in to.
 */
export async function seedDemoPrivacy(m: EntityManager, today: string, now: Date): Promise<void> {
  const consenting = await m.find(Account, { where: { username: Not(IsNull()) } });
  for (const a of consenting)
    await m.insert(PrivacyConsent, {
      accountId: a.id,
      version: PRIVACY_NOTICE_VERSION,
      channel: 'seed',
      consentedAt: now,
    });
  const [studio] = await m.find(Studio, { order: { id: 'DESC' }, take: 1 });
  if (!studio) return;
  const person = await m.save(
    Person,
    m.create(Person, {
      name: '林小雨',
      birthDate: '2003-04-01',
      retirementCategory: 'female_worker',
      skillLevel: null,
    }),
  );
  const apprentice = await m.save(
    Apprentice,
    m.create(Apprentice, {
      studioId: studio.id,
      personId: person.id,
      joinedOn: today,
      agreementSignedOn: today,
      leftOn: null,
    }),
  );
  const account = await m.save(
    Account,
    m.create(Account, {
      username: 'newapprentice',
      name: '林小雨',
      personId: person.id,
      wechatOpenid: null,
      createdAt: now,
    }),
  );
  await m.insert(RoleMembership, {
    accountId: account.id,
    role: 'apprentice',
    studioId: studio.id,
    unitId: null,
    jurisdictionId: null,
    apprenticeId: apprentice.id,
    teamMemberId: null,
  });
}
