import type { DataSource } from 'typeorm';
import { INVITE_ACTION } from '../access/access-policy';
import type { AccessService } from '../access/access.service';
import { Apprentice } from '../apprentices/apprentice.entity';
import type { Caller } from '../auth/caller';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import { TeamMember } from '../members/team-member.entity';
import type { Target } from './invitation-store';

/**
 * The access check for creating or revoking an invitation (the one policy decides; this only
 * loads what it needs), and the invitation's target with its records resolved.
 */
export async function authorizedTarget(
  db: DataSource,
  access: AccessService,
  caller: Caller,
  creating: boolean,
  want: {
    role: string;
    studioId?: number | null;
    unitId?: number | null;
    memberId?: number | null;
    teamMemberId?: number | null;
    apprenticeId?: number | null;
    jurisdictionId?: number;
  },
): Promise<Target> {
  switch (want.role) {
    case 'unit_contact': {
      const unit = await access.requireUnit(caller, want.unitId as number, 'manage');
      return {
        role: 'unit_contact',
        jurisdictionId: unit.jurisdictionId,
        unitId: unit.id,
        studioId: null,
        teamMemberId: null,
        apprenticeId: null,
      };
    }
    case 'leader': {
      const studio = await access.requireStudio(
        caller,
        want.studioId as number,
        INVITE_ACTION.leader,
      );
      return {
        role: 'leader',
        jurisdictionId: studio.jurisdictionId,
        unitId: null,
        studioId: studio.id,
        teamMemberId: null,
        apprenticeId: null,
      };
    }
    case 'member': {
      const studio = await access.requireStudio(
        caller,
        want.studioId as number,
        INVITE_ACTION.member,
      );
      const memberId = want.memberId ?? want.teamMemberId ?? 0;
      const member = await db
        .getRepository(TeamMember)
        .findOneBy({ id: memberId, studioId: studio.id });
      if (!member) throw notFound('团队成员');
      if (member.leftOn && creating)
        throw new DomainError('INVITEE_LEFT', '该成员已离开工作室，不能邀请');
      return {
        role: 'member',
        jurisdictionId: studio.jurisdictionId,
        unitId: null,
        studioId: studio.id,
        teamMemberId: member.id,
        apprenticeId: null,
      };
    }
    case 'apprentice': {
      const studio = await access.requireStudio(
        caller,
        want.studioId as number,
        INVITE_ACTION.apprentice,
      );
      const apprentice = await db
        .getRepository(Apprentice)
        .findOneBy({ id: want.apprenticeId ?? 0, studioId: studio.id });
      if (!apprentice) throw notFound('学徒');
      if (apprentice.leftOn && creating)
        throw new DomainError('INVITEE_LEFT', '该学徒已出师或离开，不能邀请');
      return {
        role: 'apprentice',
        jurisdictionId: studio.jurisdictionId,
        unitId: null,
        studioId: studio.id,
        teamMemberId: null,
        apprenticeId: apprentice.id,
      };
    }
    case 'reviewer': {
      const j = await access.requireJurisdiction(caller, want.jurisdictionId ?? 0);
      return {
        role: 'reviewer',
        jurisdictionId: j.id,
        unitId: null,
        studioId: null,
        teamMemberId: null,
        apprenticeId: null,
      };
    }
    default:
      throw forbidden();
  }
}
