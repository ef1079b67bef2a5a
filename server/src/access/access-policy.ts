import type { Role } from '../accounts/role-membership.entity';
import type { Grant } from '../auth/caller';

/**
 * What a caller may do with a studio, decided in one place (style.md §2). Every service
 * method that touches a studio's data calls AccessService.requireStudio first, which
 * applies this table.
 */
export type StudioAction =
  | 'view' // the studio card and its activity list: everyone attached to the studio
  | 'read' // the full archive, progress, assessment, audit
  | 'edit' // create / update / delete records, open check-in
  | 'checkin' // submit a check-in code
  | 'signoff' // unit contact confirms a record
  | 'judge' // reviewer scores judged items and finalizes periods
  | 'invite_leader' // invite the studio's leader (bureau side)
  | 'invite_staff' // invite team members and apprentices onto their records
  | 'privacy_requests'; // see and settle the correction requests of the studio's people (privacy/)

export const ALLOWED: Record<StudioAction, readonly Role[]> = {
  view: ['leader', 'member', 'apprentice', 'unit_contact', 'reviewer'],
  read: ['leader', 'member', 'unit_contact', 'reviewer'],
  edit: ['leader', 'member'],
  checkin: ['apprentice'],
  signoff: ['unit_contact'],
  judge: ['reviewer'],
  invite_leader: ['reviewer'],
  invite_staff: ['leader'],
  privacy_requests: ['leader'],
};

/** Which studio action grants which studio role by invitation. */
export const INVITE_ACTION = {
  leader: 'invite_leader',
  member: 'invite_staff',
  apprentice: 'invite_staff',
} as const satisfies Partial<Record<Role, StudioAction>>;
export type StudioInviteRole = keyof typeof INVITE_ACTION;
export const STUDIO_INVITE_ROLES = Object.keys(INVITE_ACTION) as StudioInviteRole[];

export interface StudioScope {
  id: number;
  unitId: number;
  jurisdictionId: number;
}

export type Decision = 'allow' | 'forbidden' | 'not_found';

/** The grants of the caller that reach this studio at all (any role). */
export function grantsCovering(grants: readonly Grant[], studio: StudioScope): Grant[] {
  return grants.filter(
    (g) =>
      ((g.role === 'leader' || g.role === 'member' || g.role === 'apprentice') &&
        g.studioId === studio.id) ||
      (g.role === 'unit_contact' && g.unitId === studio.unitId) ||
      (g.role === 'reviewer' && g.jurisdictionId === studio.jurisdictionId),
  );
}

/**
 * not_found when the studio is missing or outside every tenant of the caller (never reveal
 * that it exists); forbidden when the caller sees the studio but no role allows the action.
 */
export function decideStudio(
  grants: readonly Grant[],
  studio: StudioScope | null,
  action: StudioAction,
): Decision {
  if (!studio) return 'not_found';
  const covering = grantsCovering(grants, studio);
  if (covering.length === 0) return 'not_found';
  return covering.some((g) => ALLOWED[action].includes(g.role)) ? 'allow' : 'forbidden';
}

/**
 * The studio roles the caller may invite people into (empty: none). not_found when the studio is
 * outside the caller's tenants, forbidden when it is visible but the caller may invite no one.
 */
export function decideStudioInvitations(
  grants: readonly Grant[],
  studio: StudioScope | null,
): { decision: Decision; roles: StudioInviteRole[] } {
  const roles = STUDIO_INVITE_ROLES.filter(
    (r) => decideStudio(grants, studio, INVITE_ACTION[r]) === 'allow',
  );
  if (roles.length > 0) return { decision: 'allow', roles };
  return {
    decision: decideStudio(grants, studio, 'view') === 'not_found' ? 'not_found' : 'forbidden',
    roles,
  };
}

/**
 * Units. `read` (the unit dashboard, the unit in lists): contacts of the unit and reviewers of its
 * jurisdiction. `manage` (create a studio in it, invite its contact): the reviewers only; the
 * unit's own contact sees the unit, so gets forbidden rather than not_found.
 */
export type UnitAction = 'read' | 'manage';
export function decideUnit(
  grants: readonly Grant[],
  unit: { id: number; jurisdictionId: number } | null,
  action: UnitAction = 'read',
): Decision {
  if (!unit) return 'not_found';
  const reviewer = grants.some(
    (g) => g.role === 'reviewer' && g.jurisdictionId === unit.jurisdictionId,
  );
  const contact = grants.some((g) => g.role === 'unit_contact' && g.unitId === unit.id);
  if (reviewer) return 'allow';
  if (contact) return action === 'read' ? 'allow' : 'forbidden';
  return 'not_found';
}

/** Jurisdictions: reviewers read the dashboard; callers with studios or units inside it see it exists (403). */
export function decideJurisdiction(
  grants: readonly Grant[],
  jurisdictionId: number | null,
  insideIds: { studioIds: number[]; unitIds: number[] },
): Decision {
  if (jurisdictionId === null) return 'not_found';
  if (grants.some((g) => g.role === 'reviewer' && g.jurisdictionId === jurisdictionId))
    return 'allow';
  const inside = grants.some(
    (g) =>
      (g.studioId !== undefined && insideIds.studioIds.includes(g.studioId)) ||
      (g.unitId !== undefined && insideIds.unitIds.includes(g.unitId)),
  );
  return inside ? 'forbidden' : 'not_found';
}

/**
 * One role row of the account as it is now (role_memberships), with the record a member or
 * apprentice grant is bound to (team_member_id / apprentice_id): `bound` null when that record is
 * gone, absent for the other roles.
 */
export interface HeldGrant extends Grant {
  bound?: { studioId: number; leftOn: string | null } | null;
}

/** Grants that hold only while their bound record exists and has not left. */
export const isBoundGrant = (g: Grant): boolean => g.role === 'member' || g.role === 'apprentice';

/** Still on the roster: no leaving date, or one after today (`YYYY-MM-DD`, Asia/Shanghai). */
export const hasNotLeft = (leftOn: string | null, today: string): boolean =>
  leftOn === null || leftOn > today;

/** The same grant: same role on the same scope (the fields the decisions above read for that role). */
export function sameGrant(a: Grant, b: Grant): boolean {
  if (a.role !== b.role) return false;
  switch (a.role) {
    case 'leader':
      return a.studioId === b.studioId;
    case 'member':
      return a.studioId === b.studioId && a.memberId !== undefined && a.memberId === b.memberId;
    case 'apprentice':
      return (
        a.studioId === b.studioId &&
        a.apprenticeId !== undefined &&
        a.apprenticeId === b.apprenticeId
      );
    case 'unit_contact':
      return a.unitId === b.unitId;
    case 'reviewer':
      return a.jurisdictionId === b.jurisdictionId;
  }
}

/**
 * The caller's effective grants: a grant of the token holds only while the account still holds it
 * (a role row with the same role and scope: removing the row revokes it at the next request), and a
 * member or apprentice grant only while its bound record exists in the grant's studio and has not
 * left. A member grant without a bound record (a token from before members were bound) counts for
 * nothing: signing in again issues one with the record.
 */
export function effectiveGrants(
  grants: readonly Grant[],
  held: readonly HeldGrant[],
  today: string,
): Grant[] {
  return grants.filter((g) =>
    held.some((h) => {
      if (!sameGrant(g, h)) return false;
      if (!isBoundGrant(g)) return true;
      return (
        h.bound != null && h.bound.studioId === g.studioId && hasNotLeft(h.bound.leftOn, today)
      );
    }),
  );
}
