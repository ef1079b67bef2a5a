import type { MyAttendance, MyProgress } from '@/services/api';
import { formatDate, formatTime } from './format';
import { label } from './labels';

/**
 * What the apprentice home shows, from the server's own answers (`GET /me/attendance`,
 * `GET /me/progress`, typed by the generated API types). Pure: answers in, text out.
 */

/** One check-in: the activity's name, and its kind and time. */
export function attendanceLine(a: MyAttendance): { title: string; meta: string } {
  return {
    title: a.title || `活动 ${a.activityId}`,
    meta: `${label('activityKind', a.kind)} · ${formatTime(a.checkedInAt)}`,
  };
}

export interface ProgressSection {
  studioId: number;
  title: string;
  rows: { label: string; value: string }[];
}

/** Per studio: this year's and all person-times, certificates and the highest level, as of `asOf`. */
export function progressSections(p: MyProgress): ProgressSection[] {
  return p.items.map((s) => ({
    studioId: s.studioId,
    title: s.leftOn ? `${s.studioName}（${formatDate(s.leftOn)}离开）` : s.studioName,
    rows: [
      { label: `${p.asOf.slice(0, 4)} 年参加活动`, value: `${s.attendanceThisYear} 次` },
      { label: '累计参加活动', value: `${s.attendanceTotal} 次` },
      { label: '取得证书', value: `${s.certificates} 本` },
      { label: '最高证书等级', value: label('skillLevel', s.highestLevel) },
    ],
  }));
}
