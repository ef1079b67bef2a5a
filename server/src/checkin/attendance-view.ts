// What both sides of check-in share: an attendance row's view, and the activity of a studio
// (404 when it is not that studio's).
import type { EntityManager } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { notFound } from '../common/domain-error';
import type { Attendance } from './attendance.entity';
import type { AttendanceView } from './dto/checkin.dto';

export const mapAttendance = (a: Attendance): AttendanceView => ({
  id: a.id,
  activityId: a.activityId,
  personId: a.personId,
  checkedInAt: new Date(a.checkedInAt).toISOString(),
  source: a.source === 'leader' ? 'leader' : 'scan',
});

/** The studio's activity, or 404 活动. */
export async function studioActivity(
  m: EntityManager,
  studioId: number,
  activityId: number,
): Promise<Activity> {
  const a = await m.getRepository(Activity).findOneBy({ id: activityId, studioId });
  if (!a) throw notFound('活动');
  return a;
}
