import type { Grant } from '../auth/caller';
import {
  ALLOWED,
  decideJurisdiction,
  decideStudio,
  decideStudioInvitations,
  decideUnit,
  effectiveGrants,
  hasNotLeft,
  type HeldGrant,
  type StudioAction,
} from './access-policy';

const studio = { id: 10, unitId: 5, jurisdictionId: 1 };
const other = { id: 11, unitId: 6, jurisdictionId: 2 };
const grantsByRole: Record<string, Grant> = {
  leader: { role: 'leader', studioId: 10 },
  member: { role: 'member', studioId: 10 },
  apprentice: { role: 'apprentice', studioId: 10, apprenticeId: 3 },
  unit_contact: { role: 'unit_contact', unitId: 5 },
  reviewer: { role: 'reviewer', jurisdictionId: 1 },
};
const actions = Object.keys(ALLOWED) as StudioAction[];

describe('decideStudio', () => {
  it.each(Object.entries(grantsByRole))(
    '%s: allowed exactly the actions of its row, 403 otherwise',
    (role, grant) => {
      for (const action of actions) {
        const expected = ALLOWED[action].some((r) => r === role) ? 'allow' : 'forbidden';
        expect([action, decideStudio([grant], studio, action)]).toEqual([action, expected]);
      }
    },
  );

  it.each(Object.entries(grantsByRole))(
    '%s of another tenant gets not_found for every action',
    (_role, grant) => {
      for (const action of actions) expect(decideStudio([grant], other, action)).toBe('not_found');
    },
  );

  it('answers not_found for a missing studio whatever the roles', () => {
    expect(decideStudio(Object.values(grantsByRole), null, 'view')).toBe('not_found');
  });

  it('unions roles: an apprentice here who leads another studio still cannot edit here', () => {
    const grants: Grant[] = [grantsByRole.apprentice!, { role: 'leader', studioId: 11 }];
    expect(decideStudio(grants, studio, 'edit')).toBe('forbidden');
    expect(decideStudio(grants, other, 'edit')).toBe('allow');
  });
});

describe('decideUnit', () => {
  it('lets the unit contact and the jurisdiction reviewer in, hides the unit from others', () => {
    const unit = { id: 5, jurisdictionId: 1 };
    expect(decideUnit([grantsByRole.unit_contact!], unit)).toBe('allow');
    expect(decideUnit([grantsByRole.reviewer!], unit)).toBe('allow');
    expect(decideUnit([grantsByRole.leader!], unit)).toBe('not_found');
    expect(decideUnit([{ role: 'reviewer', jurisdictionId: 2 }], unit)).toBe('not_found');
  });
});

describe('decideJurisdiction', () => {
  it('allows its reviewers, forbids people inside it, hides it from outsiders', () => {
    expect(decideJurisdiction([grantsByRole.reviewer!], 1, { studioIds: [], unitIds: [] })).toBe(
      'allow',
    );
    expect(decideJurisdiction([grantsByRole.leader!], 1, { studioIds: [10], unitIds: [] })).toBe(
      'forbidden',
    );
    expect(decideJurisdiction([grantsByRole.leader!], 2, { studioIds: [], unitIds: [] })).toBe(
      'not_found',
    );
    expect(decideJurisdiction([grantsByRole.reviewer!], null, { studioIds: [], unitIds: [] })).toBe(
      'not_found',
    );
  });
});

describe('decideStudioInvitations', () => {
  it('reviewers invite leaders, leaders invite members and apprentices, others none', () => {
    expect(decideStudioInvitations([grantsByRole.reviewer!], studio)).toEqual({
      decision: 'allow',
      roles: ['leader'],
    });
    expect(decideStudioInvitations([grantsByRole.leader!], studio)).toEqual({
      decision: 'allow',
      roles: ['member', 'apprentice'],
    });
    for (const role of ['member', 'apprentice', 'unit_contact'] as const)
      expect(decideStudioInvitations([grantsByRole[role]!], studio).decision).toBe('forbidden');
    expect(decideStudioInvitations([grantsByRole.reviewer!], other)).toEqual({
      decision: 'not_found',
      roles: [],
    });
    expect(decideStudioInvitations([grantsByRole.leader!], null).decision).toBe('not_found');
  });
});

describe('decideUnit manage', () => {
  it('lets only the jurisdiction reviewer manage; the unit contact sees it (403), others not (404)', () => {
    const unit = { id: 5, jurisdictionId: 1 };
    expect(decideUnit([grantsByRole.reviewer!], unit, 'manage')).toBe('allow');
    expect(decideUnit([grantsByRole.unit_contact!], unit, 'manage')).toBe('forbidden');
    expect(decideUnit([grantsByRole.leader!], unit, 'manage')).toBe('not_found');
    expect(decideUnit([{ role: 'reviewer', jurisdictionId: 2 }], unit, 'manage')).toBe('not_found');
  });
});

describe('effectiveGrants', () => {
  const member = { role: 'member' as const, studioId: 10, memberId: 5 };
  const apprentice = { role: 'apprentice' as const, studioId: 10, apprenticeId: 7 };
  const reviewer = { role: 'reviewer' as const, jurisdictionId: 1 };
  const leader = { role: 'leader' as const, studioId: 10 };
  const contact = { role: 'unit_contact' as const, unitId: 3 };
  const today = '2026-03-01';
  const held = (g: Grant, bound?: HeldGrant['bound']): HeldGrant =>
    bound === undefined ? { ...g } : { ...g, bound };
  it('keeps member and apprentice grants only while their record exists and has not left', () => {
    const on = [
      held(member, { studioId: 10, leftOn: null }),
      held(apprentice, { studioId: 10, leftOn: '2026-03-02' }),
      held(reviewer),
    ];
    expect(effectiveGrants([member, apprentice, reviewer], on, today)).toEqual([
      member,
      apprentice,
      reviewer,
    ]);
    expect(
      effectiveGrants(
        [member, apprentice, reviewer],
        [
          held(member, { studioId: 10, leftOn: today }),
          held(apprentice, { studioId: 10, leftOn: '2025-12-31' }),
          held(reviewer),
        ],
        today,
      ),
    ).toEqual([reviewer]);
    expect(
      effectiveGrants(
        [member, apprentice, reviewer],
        [held(member, null), held(apprentice, null), held(reviewer)],
        today,
      ),
    ).toEqual([reviewer]);
    expect(
      effectiveGrants([member], [held(member, { studioId: 11, leftOn: null })], today),
    ).toEqual([]);
    expect(effectiveGrants([{ role: 'member', studioId: 10 }], on, today)).toEqual([]);
  });
  it('keeps every grant only while the account still holds it (leader, unit contact and reviewer too)', () => {
    const all = [leader, contact, reviewer, member];
    const rows = [
      held(leader),
      held(contact),
      held(reviewer),
      held(member, { studioId: 10, leftOn: null }),
    ];
    expect(effectiveGrants(all, rows, today)).toEqual(all);
    expect(effectiveGrants(all, [], today)).toEqual([]);
    expect(effectiveGrants(all, [held(contact)], today)).toEqual([contact]);
    // Same role on another scope is another grant.
    expect(
      effectiveGrants(
        [leader, contact, reviewer],
        [
          held({ role: 'leader', studioId: 11 }),
          held({ role: 'unit_contact', unitId: 4 }),
          held({ role: 'reviewer', jurisdictionId: 2 }),
        ],
        today,
      ),
    ).toEqual([]);
    expect(
      effectiveGrants(
        [member],
        [held({ ...member, memberId: 6 }, { studioId: 10, leftOn: null })],
        today,
      ),
    ).toEqual([]);
  });
  it('hasNotLeft: no date or a date after today', () => {
    expect(hasNotLeft(null, today)).toBe(true);
    expect(hasNotLeft('2026-03-02', today)).toBe(true);
    expect(hasNotLeft(today, today)).toBe(false);
  });
});
