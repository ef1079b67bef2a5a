import type { EntityManager } from 'typeorm';
import { PRIVACY_NOTICE_VERSION } from '@master-studio/shared-rules';
import type { Caller } from '../auth/caller';
import { asDate } from '../common/dates';
import type { PrivacyExportView, PrivacyRequestView } from './dto/privacy.dto';

type Row = Record<string, unknown>;
export const iso = (v: unknown): string | null =>
  v === null || v === undefined ? null : new Date(v as string | Date).toISOString();

/**
 * Everything held about the caller, as JSON (第四十五条: to see and to copy one's data); the
 * service records the export in the audit log.
 */
export async function collectExport(m: EntityManager, caller: Caller): Promise<PrivacyExportView> {
  const q = (sql: string, p: unknown[]): Promise<Row[]> => m.query(sql, p);
  const pid = caller.personId ?? -1;
  const [account] = await q(
    'SELECT id, name, username, wechat_openid, created_at FROM accounts WHERE id = ?',
    [caller.accountId],
  );
  const [person] = await q(
    'SELECT name, birth_date, retirement_category, skill_level FROM people WHERE id = ?',
    [pid],
  );
  const roles = await q(
    `SELECT r.role, s.name AS studio, u.name AS unit, j.name AS jurisdiction FROM role_memberships r
         LEFT JOIN studios s ON s.id = r.studio_id LEFT JOIN units u ON u.id = r.unit_id
         LEFT JOIN jurisdictions j ON j.id = r.jurisdiction_id WHERE r.account_id = ? ORDER BY r.id`,
    [caller.accountId],
  );
  const apprenticeships = await q(
    `SELECT s.name AS studio, a.joined_on, a.agreement_signed_on, a.left_on FROM apprentices a
         JOIN studios s ON s.id = a.studio_id WHERE a.person_id = ? ORDER BY a.id`,
    [pid],
  );
  const memberships = await q(
    `SELECT s.name AS studio, m.full_time, m.years_in_trade, m.joined_on, m.left_on FROM team_members m
         JOIN studios s ON s.id = m.studio_id WHERE m.person_id = ? ORDER BY m.id`,
    [pid],
  );
  const attendance = await q(
    `SELECT s.name AS studio, a.title, a.kind, a.date, t.checked_in_at, t.source FROM attendance t
         JOIN activities a ON a.id = t.activity_id JOIN studios s ON s.id = t.studio_id
        WHERE t.person_id = ? ORDER BY a.date, t.id`,
    [pid],
  );
  const certificates = await q(
    `SELECT s.name AS studio, c.level, c.awarded_on, c.number FROM certificates c
         JOIN apprentices a ON a.id = c.apprentice_id JOIN studios s ON s.id = c.studio_id
        WHERE a.person_id = ? ORDER BY c.awarded_on, c.id`,
    [pid],
  );
  const consents = await q(
    'SELECT version, channel, consented_at FROM privacy_consents WHERE account_id = ? ORDER BY id',
    [caller.accountId],
  );
  const requests = await requestsWhere(m, 'r.account_id = ?', [caller.accountId]);
  return {
    noticeVersion: PRIVACY_NOTICE_VERSION,
    exportedAt: new Date().toISOString(),
    account: {
      name: account?.name ?? null,
      username: account?.username ?? null,
      wechatLinked: account?.wechat_openid != null,
      createdAt: iso(account?.created_at),
    },
    person: person
      ? {
          name: person.name,
          birthDate: asDate(person.birth_date),
          retirementCategory: person.retirement_category ?? null,
          skillLevel: person.skill_level ?? null,
        }
      : null,
    roles: roles.map((r) => ({
      role: r.role,
      studio: r.studio ?? null,
      unit: r.unit ?? null,
      jurisdiction: r.jurisdiction ?? null,
    })),
    apprenticeships: apprenticeships.map((r) => ({
      studio: r.studio,
      joinedOn: asDate(r.joined_on),
      agreementSignedOn: asDate(r.agreement_signed_on),
      leftOn: asDate(r.left_on),
    })),
    memberships: memberships.map((r) => ({
      studio: r.studio,
      fullTime: Boolean(Number(r.full_time)),
      yearsInTrade: r.years_in_trade === null ? null : Number(r.years_in_trade),
      joinedOn: asDate(r.joined_on),
      leftOn: asDate(r.left_on),
    })),
    attendance: attendance.map((r) => ({
      studio: r.studio,
      activity: r.title,
      kind: r.kind,
      date: asDate(r.date),
      checkedInAt: iso(r.checked_in_at),
      source: r.source,
    })),
    certificates: certificates.map((r) => ({
      studio: r.studio,
      level: r.level,
      awardedOn: asDate(r.awarded_on),
      number: r.number ?? null,
    })),
    consents: consents.map((r) => ({
      version: r.version,
      channel: r.channel,
      consentedAt: iso(r.consented_at),
    })),
    requests,
  };
}

/** Correction and deletion requests matching `where`, open first. */
export async function requestsWhere(
  m: EntityManager,
  where: string,
  params: unknown[],
): Promise<PrivacyRequestView[]> {
  const rows = (await m.query(
    `SELECT r.id, r.kind, r.status, r.studio_id, a.name AS requester, r.message, r.created_at, r.resolved_at, r.resolution
         FROM privacy_requests r JOIN accounts a ON a.id = r.account_id
        WHERE ${where} ORDER BY CASE WHEN r.status = 'open' THEN 0 ELSE 1 END, r.id DESC`,
    params,
  )) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    kind: String(r.kind) as PrivacyRequestView['kind'],
    status: String(r.status) as PrivacyRequestView['status'],
    studioId: r.studio_id === null ? null : Number(r.studio_id),
    requesterName: String(r.requester),
    message: (r.message as string | null) ?? null,
    createdAt: iso(r.created_at) ?? '',
    resolvedAt: iso(r.resolved_at),
    resolution: (r.resolution as string | null) ?? null,
  }));
}
