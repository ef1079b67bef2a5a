import type { EntityManager } from 'typeorm';
import { asDate } from '../common/dates';
import { DomainError } from '../common/domain-error';
import { placeholders } from '../database/sql';
import { finalizedPeriodsOf, lockStudio, type PeriodRange } from '../periods/finalized-lock';
import type { ErasureItem } from './dto/privacy.dto';

type Row = Record<string, unknown>;

/** What a deleted person's records become: a pseudonym that still tells rows apart. */
export const pseudonymOf = (personId: number): string => `已删除人员#${personId}`;
export const DELETED_ACCOUNT_NAME = '已注销账号';

export const WHY_FINALIZED =
  '计入已定稿的考核期间，删除会改变已定稿考核表的数字；已去除姓名等身份信息，仅作为匿名记录保留';
const WHY_AUDIT = '审计日志是防篡改的操作记录，供主管部门核查档案，依法保留，内容不可更改';
const WHY_CONSENT = '证明此前处理个人信息已取得您的同意，以及本次删除请求已执行';

const inAnyPeriod = (periods: PeriodRange[], day: string | null): boolean =>
  day !== null && periods.some((p) => p.from <= day && day <= p.to);
/** A stay [from, to] (to null: still on the roster) that overlaps a finalized period. */
const overlapsAnyPeriod = (
  periods: PeriodRange[],
  from: string | null,
  to: string | null,
): boolean => periods.some((p) => (from === null || from <= p.to) && (to === null || to >= p.from));

/**
 * Deletion at the person's request (个人信息保护法 第四十七条), inside the caller's transaction.
 * Removes what no finalized assessment needs (check-ins, certificates, apprentice and team-member
 * rows outside every finalized period of their studio; the roles; the sign-in identities;
 * birth date and retirement category) and anonymises what one does (the person's name becomes a
 * pseudonym everywhere, certificate numbers are cleared), so a finalized sheet, stored or scored
 * again, keeps the same numbers. Refused while the account holds a leader, unit-contact or
 * reviewer role, or the person leads a studio: those are handed over first.
 */
export async function erasePerson(
  m: EntityManager,
  accountId: number,
  personId: number | null,
): Promise<{ removed: ErasureItem[]; kept: ErasureItem[] }> {
  const held = (await m.query(
    `SELECT role FROM role_memberships WHERE account_id = ? AND role IN ('leader', 'unit_contact', 'reviewer')`,
    [accountId],
  )) as Row[];
  const leads =
    personId === null
      ? []
      : ((await m.query('SELECT id FROM studios WHERE leader_person_id = ?', [personId])) as Row[]);
  if (held.length > 0 || leads.length > 0)
    throw new DomainError(
      'PRIVACY_ROLE_HELD',
      '您仍担任工作室领办人、单位联系人或评审，请先由上级移除该角色（移交工作）后再申请删除',
    );

  // Counted first: deleting an apprentice or team-member row takes its role with it (cascade).
  const roles = (await m.query('SELECT COUNT(*) AS n FROM role_memberships WHERE account_id = ?', [
    accountId,
  ])) as Row[];
  const removed: ErasureItem[] = [];
  const kept: ErasureItem[] = [];
  const note = (list: ErasureItem[], what: string, count: number, why?: string): void => {
    if (count > 0) list.push({ what, count, ...(why ? { why } : {}) });
  };

  if (personId !== null) {
    const apprentices = (await m.query(
      'SELECT id, studio_id, joined_on, left_on FROM apprentices WHERE person_id = ?',
      [personId],
    )) as Row[];
    const members = (await m.query(
      'SELECT id, studio_id, joined_on, left_on FROM team_members WHERE person_id = ?',
      [personId],
    )) as Row[];
    const attendance = (await m.query(
      'SELECT t.id, t.studio_id, a.date FROM attendance t JOIN activities a ON a.id = t.activity_id WHERE t.person_id = ?',
      [personId],
    )) as Row[];
    const apprenticeIds = apprentices.map((a) => Number(a.id));
    const certificates = apprenticeIds.length
      ? ((await m.query(
          `SELECT id, studio_id, apprentice_id, awarded_on FROM certificates WHERE apprentice_id IN (${placeholders(apprenticeIds)})`,
          apprenticeIds,
        )) as Row[])
      : [];

    // The studio rows first, shared, as every write that feeds a sheet does (finalized-lock.ts):
    // a finalization running now either commits before these reads or waits for this commit.
    const studioIds = [
      ...new Set([...apprentices, ...members, ...attendance].map((r) => Number(r.studio_id))),
    ].sort((a, b) => a - b);
    const periods = new Map<number, PeriodRange[]>();
    for (const s of studioIds) {
      await lockStudio(m, s, 'write');
      periods.set(s, await finalizedPeriodsOf(m, s));
    }
    const of = (r: Row): PeriodRange[] => periods.get(Number(r.studio_id)) ?? [];

    const split = <T extends Row>(rows: T[], keep: (r: T) => boolean): [number[], number[]] => [
      rows.filter(keep).map((r) => Number(r.id)),
      rows.filter((r) => !keep(r)).map((r) => Number(r.id)),
    ];
    const del = async (table: string, ids: number[]): Promise<void> => {
      if (ids.length) await m.query(`DELETE FROM ${table} WHERE id IN (${placeholders(ids)})`, ids);
    };

    const [attKeep, attDrop] = split(attendance, (r) => inAnyPeriod(of(r), asDate(r.date)));
    const [certKeep, certDrop] = split(certificates, (r) =>
      inAnyPeriod(of(r), asDate(r.awarded_on)),
    );
    const certHolders = new Set(
      certificates
        .filter((c) => certKeep.includes(Number(c.id)))
        .map((c) => Number(c.apprentice_id)),
    );
    const [appKeep, appDrop] = split(
      apprentices,
      (r) =>
        certHolders.has(Number(r.id)) ||
        overlapsAnyPeriod(of(r), asDate(r.joined_on), asDate(r.left_on)),
    );
    const [memKeep, memDrop] = split(members, (r) =>
      overlapsAnyPeriod(of(r), asDate(r.joined_on), asDate(r.left_on)),
    );

    await del('attendance', attDrop);
    await del('certificates', certDrop);
    if (certKeep.length)
      await m.query(
        `UPDATE certificates SET number = NULL WHERE id IN (${placeholders(certKeep)})`,
        certKeep,
      );
    // Their roles and pending invitations go with them (role_memberships / invitations cascade).
    await del('apprentices', appDrop);
    await del('team_members', memDrop);

    const [person] = (await m.query('SELECT name FROM people WHERE id = ?', [personId])) as Row[];
    const name = person ? String(person.name) : '';
    const pseudonym = pseudonymOf(personId);
    // A member's skill level counts in the member targets of a finalized period: kept with the row.
    await m.query(
      `UPDATE people SET name = ?, birth_date = NULL, retirement_category = NULL${memKeep.length ? '' : ', skill_level = NULL'} WHERE id = ?`,
      [pseudonym, personId],
    );
    // A stored sheet's explanations may name the person: the name is replaced, the numbers stay.
    if (name.length >= 2 && studioIds.length) {
      const sheets = (await m.query(
        `SELECT id, sheet FROM finalized_periods WHERE studio_id IN (${placeholders(studioIds)})`,
        studioIds,
      )) as Row[];
      for (const s of sheets)
        if (String(s.sheet).includes(name))
          await m.query('UPDATE finalized_periods SET sheet = ? WHERE id = ?', [
            String(s.sheet).split(name).join(pseudonym),
            Number(s.id),
          ]);
    }

    note(removed, '签到记录', attDrop.length);
    note(removed, '技能证书记录', certDrop.length);
    note(removed, '学徒档案', appDrop.length);
    note(removed, '团队成员档案', memDrop.length);
    note(removed, '姓名、出生日期、退休类别', 1);
    note(kept, '签到记录（匿名）', attKeep.length, WHY_FINALIZED);
    note(kept, '技能证书记录（匿名，已清除证书编号）', certKeep.length, WHY_FINALIZED);
    note(kept, '学徒档案（匿名）', appKeep.length, WHY_FINALIZED);
    note(kept, '团队成员档案（匿名，保留技能等级）', memKeep.length, WHY_FINALIZED);
  }

  await m.query('DELETE FROM role_memberships WHERE account_id = ?', [accountId]);
  await m.query('DELETE FROM idempotency_keys WHERE account_id = ?', [accountId]);
  await m.query(
    'UPDATE accounts SET name = ?, username = NULL, wechat_openid = NULL, person_id = NULL WHERE id = ?',
    [DELETED_ACCOUNT_NAME, accountId],
  );
  note(removed, '角色', Number(roles[0]?.n ?? 0));
  note(removed, '微信及账号登录标识', 1);
  const audits = (await m.query('SELECT COUNT(*) AS n FROM audit_log WHERE account_id = ?', [
    accountId,
  ])) as Row[];
  note(kept, '审计日志中的操作记录', Number(audits[0]?.n ?? 0), WHY_AUDIT);
  kept.push({ what: '隐私同意与本次删除请求的记录', count: 1, why: WHY_CONSENT });
  return { removed, kept };
}
