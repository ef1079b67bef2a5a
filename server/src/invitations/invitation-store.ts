import type { EntityManager } from 'typeorm';
import { isDuplicate } from '../common/db-errors';
import { placeholders, wholeSeconds } from '../database/sql';
import type { InvitationStatus, InvitationView } from './dto/invitation.dto';
import { generateCode, hashCode, INVITATION_TTL_MS } from './invitation-code';
import { Invitation } from './invitation.entity';

/**
 * Storing invitations and reading them back as response DTOs: shared by InvitationsService,
 * the operator CLI (a reviewer's invitation) and the tests' factories.
 */

export type Target = Pick<
  Invitation,
  'role' | 'jurisdictionId' | 'unitId' | 'studioId' | 'teamMemberId' | 'apprenticeId'
>;

export function statusOf(
  inv: Pick<Invitation, 'usedAt' | 'revokedAt' | 'expiresAt'>,
  now: Date,
): InvitationStatus {
  if (inv.revokedAt) return 'revoked';
  if (inv.usedAt) return 'used';
  return inv.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

/** Maps invitations to their response DTOs (names looked up in three small queries). */
export async function viewsOf(
  m: EntityManager,
  rows: Invitation[],
  now = new Date(),
): Promise<InvitationView[]> {
  const ids = (pick: (r: Invitation) => number | null): number[] => [
    ...new Set(rows.flatMap((r) => (pick(r) === null ? [] : [pick(r) as number]))),
  ];
  const studioIds = ids((r) => r.studioId);
  const unitIds = ids((r) => r.unitId);
  const memberIds = ids((r) => r.teamMemberId);
  const apprenticeIds = ids((r) => r.apprenticeId);
  type Row = { id: number; name: string; person_name?: string };
  const byId = (list: Row[]): Map<number, Row> => new Map(list.map((r) => [Number(r.id), r]));
  const studios = byId(
    studioIds.length
      ? ((await m.query(
          `SELECT s.id AS id, s.name AS name, p.name AS person_name FROM studios s INNER JOIN people p ON p.id = s.leader_person_id WHERE s.id IN (${placeholders(studioIds)})`,
          studioIds,
        )) as Row[])
      : [],
  );
  const units = byId(
    unitIds.length
      ? ((await m.query(
          `SELECT id, name FROM units WHERE id IN (${placeholders(unitIds)})`,
          unitIds,
        )) as Row[])
      : [],
  );
  const members = byId(
    memberIds.length
      ? ((await m.query(
          `SELECT t.id AS id, p.name AS name FROM team_members t INNER JOIN people p ON p.id = t.person_id WHERE t.id IN (${placeholders(memberIds)})`,
          memberIds,
        )) as Row[])
      : [],
  );
  const apprentices = byId(
    apprenticeIds.length
      ? ((await m.query(
          `SELECT a.id AS id, p.name AS name FROM apprentices a INNER JOIN people p ON p.id = a.person_id WHERE a.id IN (${placeholders(apprenticeIds)})`,
          apprenticeIds,
        )) as Row[])
      : [],
  );
  return rows.map((r) => {
    const studio = r.studioId === null ? undefined : studios.get(r.studioId);
    const invitee =
      r.role === 'leader'
        ? studio?.person_name
        : r.role === 'member' && r.teamMemberId !== null
          ? members.get(r.teamMemberId)?.name
          : r.role === 'apprentice' && r.apprenticeId !== null
            ? apprentices.get(r.apprenticeId)?.name
            : undefined;
    return {
      id: r.id,
      role: r.role,
      jurisdictionId: r.jurisdictionId,
      studioId: r.studioId,
      studioName: studio?.name ?? null,
      unitId: r.unitId,
      unitName: r.unitId === null ? null : (units.get(r.unitId)?.name ?? null),
      memberId: r.teamMemberId,
      apprenticeId: r.apprenticeId,
      inviteeName: invitee ?? null,
      status: statusOf(r, now),
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
    };
  });
}

/** Stores a new invitation for `target` and returns it with its code (the only time the code is seen). */
export async function issueInvitation(
  m: EntityManager,
  target: Target,
  createdBy: number | null,
  now = new Date(),
): Promise<{ invitation: Invitation; code: string }> {
  const at = wholeSeconds(now);
  for (let attempt = 0; ; attempt++) {
    const code = generateCode();
    try {
      const { identifiers } = await m.insert(Invitation, {
        ...target,
        codeHash: hashCode(code),
        createdBy,
        createdAt: at,
        expiresAt: new Date(at.getTime() + INVITATION_TTL_MS),
        usedAt: null,
        usedBy: null,
        revokedAt: null,
      });
      const invitation = await m.findOneByOrFail(Invitation, {
        id: Number((identifiers[0] as { id: number }).id),
      });
      return { invitation, code };
    } catch (e) {
      // A hash collision on UQ_invitations_code_hash: draw again (31^8 codes make this rare).
      if (!isDuplicate(e) || attempt >= 4) throw e;
    }
  }
}
