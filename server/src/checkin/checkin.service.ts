// The apprentice's side of check-in and the code it carries: open, rotate and close the code, a
// scanned or typed code's one INSERT. The leader's side (the live list, the roster and 补签) is
// AttendanceService; both share attendance-view.ts (the row's view and the activity lookup).
import { Inject, Injectable } from '@nestjs/common';
import { queueProgress } from '../dashboards/progress-queue';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Activity } from '../activities/activity.entity';
import type { Caller } from '../auth/caller';
import { todayInShanghai } from '../common/dates';
import { isDuplicate, isMissingParent } from '../common/db-errors';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import { placeholders, wholeSeconds } from '../database/sql';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { AuditService } from '../audit/audit.service';
import { RecordStore } from '../records/record-store';
import { CheckinLock } from './checkin-lock';
import { Attendance } from './attendance.entity';
import { CheckinCodes, type CodeScope } from './checkin-code';
import { checkinLink } from './checkin-link';
import { mapAttendance, studioActivity } from './attendance-view';
import type { CheckinCodeView, CheckinResult } from './dto/checkin.dto';

/**
 * Check-in opens (and codes are shown) only on the activity's own date, Asia/Shanghai: people
 * attending on another day are added by the leader through the record (extraAttendance, audited).
 */
function assertActivityDay(activity: Activity, today = todayInShanghai()): void {
  const day = String(activity.date).slice(0, 10);
  if (day !== today)
    throw new DomainError(
      'CHECKIN_NOT_ACTIVITY_DAY',
      `只能在活动当天（${day}）开启签到；其他日期的参加人数请在活动记录中补录`,
    );
}

@Injectable()
export class CheckinService {
  private readonly codes: CheckinCodes;
  private readonly publicBaseUrl: string | null;

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly records: RecordStore,
    private readonly audit: AuditService,
    private readonly lock: CheckinLock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.codes = new CheckinCodes(config.auth.jwtSecret, config.checkin.rotateSeconds);
    this.publicBaseUrl = config.publicBaseUrl;
  }

  /**
   * Leader or member opens check-in and gets the first code. `origin`: where the request came in,
   * the base of the QR link when PUBLIC_BASE_URL is unset (development).
   */
  async open(
    caller: Caller,
    studioId: number,
    activityId: number,
    origin: string,
  ): Promise<CheckinCodeView> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    const activity = await studioActivity(this.db.manager, studioId, activityId);
    await this.records.assertOpen(this.db.manager, studioId, [activity.date]);
    assertActivityDay(activity);
    if (!activity.checkinOpen) await this.setOpen(caller, studioId, activityId, true);
    return this.issue(
      { activityId, studioId, unitId: studio.unitId, jurisdictionId: studio.jurisdictionId },
      origin,
    );
  }

  /** The current rotating code for the QR on the leader's screen. */
  async current(
    caller: Caller,
    studioId: number,
    activityId: number,
    origin: string,
  ): Promise<CheckinCodeView> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    const activity = await studioActivity(this.db.manager, studioId, activityId);
    if (!activity.checkinOpen) throw new DomainError('CHECKIN_CLOSED', '该活动未开启签到');
    await this.records.assertOpen(this.db.manager, studioId, [activity.date]);
    assertActivityDay(activity);
    return this.issue(
      { activityId, studioId, unitId: studio.unitId, jurisdictionId: studio.jurisdictionId },
      origin,
    );
  }

  /** Stops issuing codes and refuses every check-in from then on, whatever code is shown. */
  async close(caller: Caller, studioId: number, activityId: number): Promise<void> {
    await this.access.requireStudio(caller, studioId, 'edit');
    const activity = await studioActivity(this.db.manager, studioId, activityId);
    if (activity.checkinOpen) await this.setOpen(caller, studioId, activityId, false);
  }

  /** Opening and closing check-in are audited (recordType "checkin", action open / close); attendance rows audit themselves. */
  private async setOpen(
    caller: Caller,
    studioId: number,
    activityId: number,
    open: boolean,
  ): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.update(Activity, { id: activityId }, { checkinOpen: open });
      await this.audit.record(m, {
        studioId,
        accountId: caller.accountId,
        recordType: 'checkin',
        recordId: activityId,
        action: open ? 'open' : 'close',
        before: { checkinOpen: !open },
        after: { checkinOpen: open },
      });
    });
  }

  /**
   * The apprentice's check-in: verify the signed code, then INSERT. The unique key
   * (activity_id, person_id) decides "once": a duplicate-key error means this person is
   * already recorded, and we return that row. No read-before-write, so concurrent taps
   * on any number of server processes cannot create a second row.
   */
  async submit(caller: Caller, code: string): Promise<CheckinResult> {
    const verified = this.codes.verify(code.trim(), Date.now());
    if (!verified.ok) {
      throw verified.reason === 'expired'
        ? new DomainError('CHECKIN_CODE_EXPIRED', '签到码已过期，请扫描屏幕上最新的二维码')
        : new DomainError('CHECKIN_CODE_INVALID', '签到码无效，请扫描工作室出示的签到二维码');
    }
    return this.record(caller, verified.scope);
  }

  /**
   * The typed 6-digit code (browser). It names no activity, so one indexed query lists the
   * open check-ins of the studios where the caller is an apprentice, and the code is matched
   * against each one's short code for the current and the previous window. Then the same
   * INSERT path as a scanned code. Two matches (odds ~10^-6 per pair) answer 409, never a guess.
   */
  async submitShort(caller: Caller, shortCode: string): Promise<CheckinResult> {
    const studioIds = [
      ...new Set(
        caller.grants.flatMap((g) =>
          g.role === 'apprentice' && g.studioId !== undefined ? [g.studioId] : [],
        ),
      ),
    ];
    if (studioIds.length === 0) throw forbidden('只有徒弟账号可以签到');
    const open = await this.openActivities(studioIds);
    const hits = this.codes.matchShort(
      open.map((a) => a.activityId),
      shortCode,
      Date.now(),
    );
    if (hits.length === 0)
      throw new DomainError(
        'CHECKIN_CODE_INVALID',
        '签到码无效或已过期，请看领办人屏幕上的最新签到码',
      );
    if (hits.length > 1)
      throw new DomainError(
        'CHECKIN_CODE_AMBIGUOUS',
        '这个签到码同时对应多个正在签到的活动，请扫描二维码签到，或等签到码更换后重新输入',
      );
    const scope = open.find((a) => a.activityId === hits[0]) as CodeScope;
    return this.record(caller, scope);
  }

  /** Activities with check-in open in the given studios (IDX_activities_studio_checkin), with their studio's scope. */
  private async openActivities(studioIds: number[]): Promise<CodeScope[]> {
    const rows = (await this.db.query(
      `SELECT a.id AS activity_id, a.studio_id AS studio_id, s.unit_id AS unit_id, s.jurisdiction_id AS jurisdiction_id
         FROM activities a INNER JOIN studios s ON s.id = a.studio_id
        WHERE a.studio_id IN (${placeholders(studioIds)}) AND a.checkin_open = 1`,
      studioIds,
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      activityId: Number(r.activity_id),
      studioId: Number(r.studio_id),
      unitId: Number(r.unit_id),
      jurisdictionId: Number(r.jurisdiction_id),
    }));
  }

  private async record(caller: Caller, scope: CodeScope): Promise<CheckinResult> {
    this.access.requireSignedScope(
      caller,
      { id: scope.studioId, unitId: scope.unitId, jurisdictionId: scope.jurisdictionId },
      'checkin',
    );
    if (caller.personId === null) throw forbidden('当前账号未关联徒弟档案，无法签到');
    // The finalized-period lock: one indexed read, remembered per activity for a rotation window.
    await this.lock.assertOpen(scope.activityId);
    const personId = caller.personId;
    const checkedInAt = wholeSeconds();
    let id: number | null = null;
    try {
      id = await this.insertAttendance(scope.activityId, personId, scope.studioId, checkedInAt);
    } catch (e) {
      if (isMissingParent(e)) throw notFound('活动');
      if (!isDuplicate(e)) throw e;
    }
    if (id !== null)
      return {
        attendance: {
          id,
          activityId: scope.activityId,
          personId,
          checkedInAt: checkedInAt.toISOString(),
          source: 'scan',
        },
        created: true,
      };
    // Nothing inserted: already checked in (answered again, as before), or check-in is closed.
    const existing = await this.db
      .getRepository(Attendance)
      .findOneBy({ activityId: scope.activityId, personId });
    if (existing) return { attendance: mapAttendance(existing), created: false };
    if (
      !(await this.db
        .getRepository(Activity)
        .existsBy({ id: scope.activityId, studioId: scope.studioId }))
    )
      throw notFound('活动');
    throw new DomainError('CHECKIN_CLOSED', '该活动的签到已关闭，请联系领办人补录');
  }

  /**
   * One INSERT … SELECT that adds the row only while the activity's check-in is open (a code
   * captured before the leader closed it no longer counts): the new id, or null when check-in is
   * closed (or the activity is gone). On MySQL without the ORM's per-insert bookkeeping (the hot
   * path); the row's state and the insert are one statement, so a close commits before or after it.
   */
  private async insertAttendance(
    activityId: number,
    personId: number,
    studioId: number,
    checkedInAt: Date,
  ): Promise<number | null> {
    const sql =
      'INSERT INTO attendance (activity_id, person_id, studio_id, checked_in_at) SELECT id, ?, studio_id, ? FROM activities WHERE id = ? AND studio_id = ? AND checkin_open = 1';
    const params = [personId, checkedInAt, activityId, studioId];
    if (this.db.options.type === 'mysql') {
      // The studio's progress snapshot is queued in the same transaction (issue 16).
      return this.db.transaction(async (m) => {
        const res = (await m.query(sql, params)) as { insertId: number; affectedRows: number };
        if (res.affectedRows !== 1) return null;
        await queueProgress(m, studioId);
        return Number(res.insertId);
      });
    }
    // sql.js: one connection, so the open check and the insert cannot be interleaved by another request.
    const open = await this.db
      .getRepository(Activity)
      .existsBy({ id: activityId, studioId, checkinOpen: true });
    if (!open) return null;
    const result = await this.db
      .getRepository(Attendance)
      .insert({ activityId, personId, studioId, checkedInAt });
    await queueProgress(this.db.manager, studioId);
    return Number((result.identifiers[0] as { id: number }).id);
  }

  private issue(scope: CodeScope, origin: string): CheckinCodeView {
    const issued = this.codes.issue(scope, Date.now());
    return {
      ...issued,
      link: checkinLink(this.publicBaseUrl ?? origin, issued.shortCode),
      rotateSeconds: this.codes.rotateSeconds,
    };
  }
}
