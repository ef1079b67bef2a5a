import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { Caller } from '../auth/caller';
import { Attendance } from '../checkin/attendance.entity';
import { applyDateRange } from '../common/date-range';
import { DomainError } from '../common/domain-error';
import type { Page } from '../common/pagination';
import { RecordStore, type RecordSpec } from '../records/record-store';
import { Activity } from './activity.entity';
import type { ActivityView, CreateActivityDto, ListActivitiesQuery, UpdateActivityDto } from './dto/activity.dto';

export const ACTIVITY_SPEC: RecordSpec<Activity, ActivityView> = {
  type: 'activity',
  label: '活动',
  entity: Activity,
  datesOf: (a) => [a.date],
  async view(m, rows) {
    const counts = new Map<number, number>();
    if (rows.length) {
      const raw = await m
        .createQueryBuilder()
        .select(['a.activity_id AS activity_id', 'COUNT(*) AS n'])
        .from('attendance', 'a')
        .where('a.activity_id IN (:...ids)', { ids: rows.map((r) => r.id) })
        .groupBy('a.activity_id')
        .getRawMany<{ activity_id: number; n: number | string }>();
      for (const r of raw) counts.set(Number(r.activity_id), Number(r.n));
    }
    return rows.map((r) => {
      const checkedIn = counts.get(r.id) ?? 0;
      return { id: r.id, kind: r.kind, title: r.title, date: r.date, location: r.location, extraAttendance: r.extraAttendance, checkedIn, attendance: checkedIn + r.extraAttendance, checkinOpen: Boolean(r.checkinOpen) };
    });
  },
};

@Injectable()
export class ActivitiesService {
  constructor(
    private readonly access: AccessService,
    private readonly records: RecordStore,
  ) {}

  /** Apprentices see their studio's activities too (to know what to attend). */
  async list(caller: Caller, studioId: number, q: ListActivitiesQuery): Promise<Page<ActivityView>> {
    await this.access.requireStudio(caller, studioId, 'view');
    return this.records.list(ACTIVITY_SPEC, studioId, q, (qb) => {
      if (q.kind) qb.andWhere('r.kind = :kind', { kind: q.kind });
      applyDateRange(qb, 'r.date', q);
    }, [['r.date', 'DESC'], ['r.id', 'DESC']]);
  }

  async get(caller: Caller, studioId: number, id: number): Promise<ActivityView> {
    await this.access.requireStudio(caller, studioId, 'view');
    return this.records.get(ACTIVITY_SPEC, studioId, id);
  }

  async create(caller: Caller, studioId: number, dto: CreateActivityDto): Promise<ActivityView> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    return this.records.create(caller, studio, ACTIVITY_SPEC, async () => ({
      studioId,
      kind: dto.kind,
      title: dto.title,
      date: dto.date,
      location: dto.location ?? null,
      extraAttendance: dto.extraAttendance ?? 0,
      checkinOpen: false,
    }));
  }

  async update(caller: Caller, studioId: number, id: number, dto: UpdateActivityDto): Promise<ActivityView> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    return this.records.update(caller, studio, ACTIVITY_SPEC, id, async (_m, row) => {
      if (dto.kind !== undefined) row.kind = dto.kind;
      if (dto.title !== undefined) row.title = dto.title;
      if (dto.date !== undefined) row.date = dto.date;
      if (dto.location !== undefined) row.location = dto.location;
      if (dto.extraAttendance !== undefined) row.extraAttendance = dto.extraAttendance;
    });
  }

  async remove(caller: Caller, studioId: number, id: number): Promise<void> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    await this.records.remove(caller, studio, ACTIVITY_SPEC, id, async (m, row) => {
      if (await m.existsBy(Attendance, { activityId: row.id })) throw new DomainError('CONFLICT', '该活动已有签到记录，不能删除');
    });
  }
}
