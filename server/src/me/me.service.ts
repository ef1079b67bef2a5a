import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller';
import { asDate, todayInShanghai } from '../common/dates';
import { type Page, pageOf, type PageQuery } from '../common/pagination';
import { SKILL_LEVELS } from '@master-studio/shared-rules';

type Row = Record<string, unknown>;

/** An apprentice's own records: everything is selected by the caller's own person id. */
@Injectable()
export class MeService {
  constructor(private readonly db: DataSource) {}

  async attendance(
    caller: Caller,
    q: PageQuery,
  ): Promise<
    Page<{
      id: number;
      activityId: number;
      title: string;
      kind: string;
      date: string;
      studioId: number;
      studioName: string;
      checkedInAt: string;
    }>
  > {
    const { page, pageSize, skip } = pageOf(q);
    if (caller.personId === null) return { items: [], total: 0, page, pageSize };
    const total = (await this.db.query('SELECT COUNT(*) AS n FROM attendance WHERE person_id = ?', [
      caller.personId,
    ])) as Row[];
    const rows = (await this.db.query(
      `SELECT t.id, t.activity_id, a.title, a.kind, a.date, t.studio_id, s.name AS studio_name, t.checked_in_at
       FROM attendance t JOIN activities a ON a.id = t.activity_id JOIN studios s ON s.id = t.studio_id
       WHERE t.person_id = ? ORDER BY t.checked_in_at DESC, t.id DESC LIMIT ${pageSize} OFFSET ${skip}`,
      [caller.personId],
    )) as Row[];
    return {
      items: rows.map((r) => ({
        id: Number(r.id),
        activityId: Number(r.activity_id),
        title: String(r.title),
        kind: String(r.kind),
        date: asDate(r.date) ?? '',
        studioId: Number(r.studio_id),
        studioName: String(r.studio_name),
        checkedInAt: new Date(r.checked_in_at as string | Date).toISOString(),
      })),
      total: Number(total[0]?.n ?? 0),
      page,
      pageSize,
    };
  }

  /** The caller's certificates, newest first, a page at a time (issue 11 item 2). */
  async certificates(
    caller: Caller,
    q: PageQuery,
  ): Promise<
    Page<{
      id: number;
      level: string;
      awardedOn: string;
      number: string | null;
      studioId: number;
      studioName: string;
    }>
  > {
    const { page, pageSize, skip } = pageOf(q);
    if (caller.personId === null) return { items: [], total: 0, page, pageSize };
    const total = (await this.db.query(
      'SELECT COUNT(*) AS n FROM certificates c JOIN apprentices a ON a.id = c.apprentice_id WHERE a.person_id = ?',
      [caller.personId],
    )) as Row[];
    const rows = (await this.db.query(
      `SELECT c.id, c.level, c.awarded_on, c.number, c.studio_id, s.name AS studio_name
       FROM certificates c JOIN apprentices a ON a.id = c.apprentice_id JOIN studios s ON s.id = c.studio_id
       WHERE a.person_id = ? ORDER BY c.awarded_on DESC, c.id DESC LIMIT ${pageSize} OFFSET ${skip}`,
      [caller.personId],
    )) as Row[];
    return {
      items: rows.map((r) => ({
        id: Number(r.id),
        level: String(r.level),
        awardedOn: asDate(r.awarded_on) ?? '',
        number: (r.number as string | null) ?? null,
        studioId: Number(r.studio_id),
        studioName: String(r.studio_name),
      })),
      total: Number(total[0]?.n ?? 0),
      page,
      pageSize,
    };
  }

  /** Per studio the caller is an apprentice of: this year's person-times and certificates. */
  async progress(
    caller: Caller,
    asOf?: string,
  ): Promise<{
    asOf: string;
    items: {
      studioId: number;
      studioName: string;
      joinedOn: string;
      leftOn: string | null;
      attendanceThisYear: number;
      attendanceTotal: number;
      certificates: number;
      highestLevel: string | null;
    }[];
  }> {
    const day = asOf ?? todayInShanghai();
    if (caller.personId === null) return { asOf: day, items: [] };
    const yearStart = `${day.slice(0, 4)}-01-01`;
    const rows = (await this.db.query(
      `SELECT a.id, a.studio_id, s.name AS studio_name, a.joined_on, a.left_on,
         (SELECT COUNT(*) FROM attendance t JOIN activities v ON v.id = t.activity_id WHERE t.person_id = a.person_id AND t.studio_id = a.studio_id AND v.date >= ? AND v.date <= ?) AS year_n,
         (SELECT COUNT(*) FROM attendance t WHERE t.person_id = a.person_id AND t.studio_id = a.studio_id) AS total_n
       FROM apprentices a JOIN studios s ON s.id = a.studio_id WHERE a.person_id = ? ORDER BY a.id`,
      [yearStart, day, caller.personId],
    )) as Row[];
    const certs = (await this.db.query(
      `SELECT c.apprentice_id, c.level, c.awarded_on FROM certificates c JOIN apprentices a ON a.id = c.apprentice_id WHERE a.person_id = ?`,
      [caller.personId],
    )) as Row[];
    return {
      asOf: day,
      items: rows.map((r) => {
        const mine = certs.filter(
          (c) => Number(c.apprentice_id) === Number(r.id) && (asDate(c.awarded_on) ?? '') <= day,
        );
        const highest =
          mine
            .map((c) => String(c.level))
            .sort(
              (a, b) =>
                (SKILL_LEVELS as readonly string[]).indexOf(b) -
                (SKILL_LEVELS as readonly string[]).indexOf(a),
            )[0] ?? null;
        return {
          studioId: Number(r.studio_id),
          studioName: String(r.studio_name),
          joinedOn: asDate(r.joined_on) ?? '',
          leftOn: asDate(r.left_on),
          attendanceThisYear: Number(r.year_n),
          attendanceTotal: Number(r.total_n),
          certificates: mine.length,
          highestLevel: highest,
        };
      }),
    };
  }
}
