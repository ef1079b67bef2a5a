import { Attendance } from '../checkin/attendance.entity';
import { applyDateRange } from '../common/date-range';
import { DomainError } from '../common/domain-error';
import { defineRecord } from '../records/record-definition';
import { Activity } from './activity.entity';
import {
  ActivityView,
  CreateActivityDto,
  ListActivitiesQuery,
  UpdateActivityDto,
} from './dto/activity.dto';
import { likeOf } from '../common/keyword';

export const ACTIVITY_RECORD = defineRecord({
  kind: 'activity',
  tag: '活动',
  entity: Activity,
  dto: {
    create: CreateActivityDto,
    update: UpdateActivityDto,
    list: ListActivitiesQuery,
    response: ActivityView,
  },
  /** Apprentices see their studio's activities too (to know what to attend). */
  readAction: 'view',
  async view(m, rows): Promise<ActivityView[]> {
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
      return {
        id: r.id,
        kind: r.kind,
        title: r.title,
        date: r.date,
        location: r.location,
        extraAttendance: r.extraAttendance,
        checkedIn,
        attendance: checkedIn + r.extraAttendance,
        checkinOpen: Boolean(r.checkinOpen),
      };
    });
  },
  filter(qb, q) {
    if (q.kind) qb.andWhere('r.kind = :kind', { kind: q.kind });
    applyDateRange(qb, 'r.date', q);
    if (q.q) qb.andWhere('(r.title LIKE :q OR r.location LIKE :q)', { q: likeOf(q.q) });
  },
  order: [
    ['r.date', 'DESC'],
    ['r.id', 'DESC'],
  ],
  build: async (_m, dto, studioId) => ({
    studioId,
    kind: dto.kind,
    title: dto.title,
    date: dto.date,
    location: dto.location ?? null,
    extraAttendance: dto.extraAttendance ?? 0,
    checkinOpen: false,
  }),
  async apply(_m, row, dto) {
    if (dto.kind !== undefined) row.kind = dto.kind;
    if (dto.title !== undefined) row.title = dto.title;
    if (dto.date !== undefined) row.date = dto.date;
    if (dto.location !== undefined) row.location = dto.location;
    if (dto.extraAttendance !== undefined) row.extraAttendance = dto.extraAttendance;
  },
  async beforeRemove(m, row) {
    if (await m.existsBy(Attendance, { activityId: row.id }))
      throw new DomainError('ACTIVITY_HAS_ATTENDANCE', '该活动已有签到记录，不能删除');
  },
});
