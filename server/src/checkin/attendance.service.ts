// The leader's side of check-in: who checked in (the live list), who was expected (the roster of
// the activity's date) and 补签, a late or paper sign-in added by the leader or a member. The
// apprentice's side and the rotating code are CheckinService.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Person } from '../accounts/person.entity';
import type { Activity } from '../activities/activity.entity';
import type { Caller } from '../auth/caller';
import { isDuplicate, isMissingParent } from '../common/db-errors';
import { pageOf, type PageQuery } from '../common/pagination';
import { notFound, validationFailed } from '../common/domain-error';
import { wholeSeconds } from '../database/sql';
import { AuditService } from '../audit/audit.service';
import { RecordStore } from '../records/record-store';
import { Attendance } from './attendance.entity';
import { mapAttendance, studioActivity } from './attendance-view';
import type {
  ActivityRoster,
  AttendanceView,
  CheckinResult,
  MissingRosterPage,
} from './dto/checkin.dto';

@Injectable()
export class AttendanceService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly records: RecordStore,
    private readonly audit: AuditService,
  ) {}

  /**
   * Who checked in, in the order they came, a page at a time (issue 11 item 2: the live
   * check-in screen loads more on scroll); `total` counts every row, not the page.
   */
  async attendance(
    caller: Caller,
    studioId: number,
    activityId: number,
    q: PageQuery = {},
  ): Promise<{
    items: (AttendanceView & { name: string })[];
    total: number;
    page: number;
    pageSize: number;
  }> {
    await this.access.requireStudio(caller, studioId, 'read');
    await studioActivity(this.db.manager, studioId, activityId);
    const { page, pageSize, skip } = pageOf(q);
    const query = this.db
      .getRepository(Attendance)
      .createQueryBuilder('a')
      .innerJoin(Person, 'p', 'p.id = a.personId')
      .where('a.activityId = :activityId', { activityId });
    const [total, rows] = await Promise.all([
      query.clone().getCount(),
      query
        .clone()
        .addSelect('p.name', 'person_name')
        .orderBy('a.checkedInAt', 'ASC')
        .addOrderBy('a.id', 'ASC')
        .offset(skip)
        .limit(pageSize)
        .getRawAndEntities(),
    ]);
    const items = rows.entities.map((a, i) => ({
      ...mapAttendance(a),
      name: String((rows.raw[i] as Record<string, unknown>).person_name ?? ''),
    }));
    return { items, total, page, pageSize };
  }

  /**
   * Who is expected and who came: the studio's apprentices on the roster on the activity's date
   * (joined on or before it, not left before it), each with their attendance row if any; those
   * not yet checked in first (by name), then the checked in (by time). Team members run the
   * activity and do not check in, so they are not listed.
   */
  async roster(caller: Caller, studioId: number, activityId: number): Promise<ActivityRoster> {
    await this.access.requireStudio(caller, studioId, 'read');
    const activity = await studioActivity(this.db.manager, studioId, activityId);
    const day = String(activity.date).slice(0, 10);
    const rows = (await this.db.query(
      `SELECT p.id AS person_id, p.name AS name, a.checked_in_at AS checked_in_at, a.source AS source
         FROM apprentices ap
         INNER JOIN people p ON p.id = ap.person_id
         LEFT JOIN attendance a ON a.activity_id = ? AND a.person_id = ap.person_id
        WHERE ap.studio_id = ? AND ap.joined_on <= ? AND (ap.left_on IS NULL OR ap.left_on >= ?)`,
      [activityId, studioId, day, day],
    )) as Record<string, unknown>[];
    const byPerson = new Map<number, ActivityRoster['items'][number]>();
    for (const r of rows) {
      const personId = Number(r.person_id);
      const at = r.checked_in_at == null ? null : new Date(r.checked_in_at as string | Date);
      byPerson.set(personId, {
        personId,
        name: String(r.name ?? ''),
        checkedIn: at !== null,
        checkedInAt: at ? at.toISOString() : null,
        source: at === null ? null : r.source === 'leader' ? 'leader' : 'scan',
      });
    }
    const items = [...byPerson.values()].sort((x, y) =>
      x.checkedIn !== y.checkedIn
        ? x.checkedIn
          ? 1
          : -1
        : x.checkedIn
          ? String(x.checkedInAt).localeCompare(String(y.checkedInAt)) || x.personId - y.personId
          : x.name.localeCompare(y.name, 'zh-Hans-CN') || x.personId - y.personId,
    );
    return { items, total: items.length, checkedIn: items.filter((i) => i.checkedIn).length };
  }

  /**
   * Those on the roster who have not checked in, a page at a time (issue 11 items 2 and 9), in
   * the roster's own order (by name), with the whole roster's counts. A studio's roster is read
   * whole (it is the studio's apprentices of that day) and only the page is answered.
   */
  async missing(
    caller: Caller,
    studioId: number,
    activityId: number,
    q: PageQuery,
  ): Promise<MissingRosterPage> {
    const { page, pageSize, skip } = pageOf(q);
    const roster = await this.roster(caller, studioId, activityId);
    const missing = roster.items.filter((i) => !i.checkedIn);
    return {
      items: missing.slice(skip, skip + pageSize),
      total: missing.length,
      page,
      pageSize,
      expected: roster.total,
      checkedIn: roster.checkedIn,
    };
  }

  /**
   * The leader's (or a member's: the same access as opening check-in) late or paper sign-in for a
   * person on the roster of the activity's date: an attendance row marked source 'leader' with the
   * adding account, audited (checkin / create) in the same transaction. Refused in a finalized
   * period; needs neither open check-in nor the activity's day. Adding someone already recorded
   * answers that row (created=false).
   */
  async add(
    caller: Caller,
    studioId: number,
    activityId: number,
    personId: number,
  ): Promise<CheckinResult> {
    await this.access.requireStudio(caller, studioId, 'edit');
    const activity = await studioActivity(this.db.manager, studioId, activityId);
    const day = String(activity.date).slice(0, 10);
    try {
      return await this.addIn(caller, studioId, activity, personId, day);
    } catch (e) {
      if (!isDuplicate(e)) throw e;
      // A concurrent add (or the person's own scan) won the unique key: answer that row.
      const existing = await this.db.getRepository(Attendance).findOneBy({ activityId, personId });
      if (!existing) throw e;
      return { attendance: mapAttendance(existing), created: false };
    }
  }

  private addIn(
    caller: Caller,
    studioId: number,
    activity: Activity,
    personId: number,
    day: string,
  ): Promise<CheckinResult> {
    const activityId = activity.id;
    return this.db.transaction(async (m) => {
      await this.records.assertOpen(m, studioId, [activity.date]);
      const onRoster = (await m.query(
        `SELECT 1 AS ok FROM apprentices WHERE studio_id = ? AND person_id = ? AND joined_on <= ?
           AND (left_on IS NULL OR left_on >= ?) LIMIT 1`,
        [studioId, personId, day, day],
      )) as unknown[];
      if (onRoster.length === 0)
        throw validationFailed(
          { personId: '此人不在本工作室活动当天的徒弟名单中' },
          '只能为本工作室在册的徒弟补签',
        );
      const existing = await m.findOneBy(Attendance, { activityId, personId });
      if (existing) return { attendance: mapAttendance(existing), created: false };
      const checkedInAt = wholeSeconds();
      let row: Attendance;
      try {
        row = await m.save(
          Attendance,
          m.create(Attendance, {
            activityId,
            personId,
            studioId,
            checkedInAt,
            source: 'leader',
            addedBy: caller.accountId,
          }),
        );
      } catch (e) {
        if (isMissingParent(e)) throw notFound('活动');
        throw e;
      }
      const view = mapAttendance(row);
      await this.audit.record(m, {
        studioId,
        accountId: caller.accountId,
        recordType: 'checkin',
        recordId: activityId,
        action: 'create',
        before: null,
        after: { ...view, addedBy: caller.accountId },
      });
      return { attendance: view, created: true };
    });
  }
}
