import type {
  AchievementRow,
  ActivityRow,
  ApprenticeRow,
  DocumentRow,
  FundRow,
} from '@/services/api';
import { formatDate, formatMoney } from './format';
import { label } from './labels';
import type { RecordType } from './records';

/**
 * How each record kind appears in the leader's lists (records screen) and, for the kinds with
 * a screen of their own, on the leader's home: the other half of the app's record registry
 * beside record-forms.ts's RECORDS. A kind missing here fails the typecheck.
 */

export type AnyRow = Record<string, unknown> & { id: number };

/** One list row, as data: the records screen renders every kind with the same markup. */
export interface RowView {
  title: string;
  /** The meta line; several parts are joined by " · " and each stays on one line. */
  meta: string | string[];
  /** A round badge with this text before the title (the apprentice's first character). */
  avatar?: string;
  /** What sits at the right: a value with its class, and a second line under it. */
  aside?: { text: string; className: string; sub?: string };
  /** The leader may invite the person of this row (a member or apprentice still here). */
  invitable?: boolean;
  testId?: string;
}

export interface HomeTile {
  text: string;
  icon: string;
  /** Its icon's colour: the class tile__icon--<tone> (pages/leader/home/index.css). */
  tone: string;
  /** Relative to pages/leader/ (studioId is appended) or absolute. */
  url: string;
  /** Place on the home grid (1 = first). */
  order: number;
}

export interface RecordRowDef {
  row: (r: AnyRow) => RowView;
  /** The page a tap on the row opens (none: the row only has 编辑 / 删除). */
  open?: (studioId: string, r: AnyRow) => string;
  /** Its tile on the leader's home (certificates have none: they are reached through an apprentice). */
  tile?: Omit<HomeTile, 'url'>;
}

const person = (r: AnyRow, invitable: boolean): RowView => ({
  title: String(r.name ?? r.title ?? r.id),
  meta:
    (r.skillLevel ? label('skillLevel', String(r.skillLevel)) : '') +
    (r.fullTime === false ? ' · 兼职' : r.fullTime ? ' · 专职' : ''),
  invitable: invitable && !r.leftOn,
});

export const RECORD_ROWS: Record<RecordType, RecordRowDef> = {
  activities: {
    row: (r) => {
      const a = r as unknown as ActivityRow;
      return {
        title: a.title,
        meta: `${label('activityKind', a.kind)} · ${formatDate(a.date)}${a.location ? ` · ${a.location}` : ''}`,
        aside: {
          text: String(a.attendance ?? 0),
          className: 'fs-18 fw-700 text-primary block',
          sub: '人次 ›',
        },
        testId: 'activity-row',
      };
    },
    open: (studioId, r) =>
      `/pages/leader/checkin/index?studioId=${studioId}&activityId=${r.id}&title=${encodeURIComponent(String(r.title ?? ''))}`,
    tile: { text: '活动签到', icon: '签', tone: 'primary', order: 1 },
  },
  apprentices: {
    row: (r) => {
      const a = r as unknown as ApprenticeRow;
      return {
        title: a.name,
        // Each date stays on one line: a narrow phone wraps between them, never inside one.
        meta: [
          `拜师 ${formatDate(a.joinedOn)}`,
          a.agreementSignedOn ? `协议 ${formatDate(a.agreementSignedOn)}` : '未签协议',
        ],
        avatar: a.name.slice(0, 1),
        aside: a.leftOn
          ? { text: '已出师', className: 'pill pill--upcoming' }
          : { text: '证书 ›', className: 'muted' },
        invitable: !a.leftOn,
        testId: 'apprentice-row',
      };
    },
    open: (studioId, r) =>
      `/pages/leader/apprentice/index?studioId=${studioId}&apprenticeId=${r.id}&name=${encodeURIComponent(String(r.name ?? ''))}`,
    tile: { text: '学徒名册', icon: '徒', tone: 'success', order: 2 },
  },
  achievements: {
    row: (r) => {
      const a = r as unknown as AchievementRow;
      return {
        title: a.title,
        meta: `${label('achievementKind', a.kind)} · ${formatDate(a.date)}`,
        aside: { text: label('recordLevel', a.level), className: 'pill pill--on_track' },
      };
    },
    tile: { text: '成果', icon: '果', tone: 'orange', order: 3 },
  },
  funds: {
    row: (r) => {
      const f = r as unknown as FundRow;
      const income = f.direction === 'income';
      return {
        title: f.category,
        meta:
          formatDate(f.date) +
          (income && f.source ? ` · ${label('fundSource', f.source)}` : '') +
          (f.note ? ` · ${f.note}` : ''),
        aside: {
          text: `${income ? '+' : '-'}${formatMoney(f.amount)}`,
          className: `fs-16 fw-700 ${income ? 'text-success' : 'text-text'}`,
        },
      };
    },
    tile: { text: '经费台账', icon: '账', tone: 'purple', order: 4 },
  },
  documents: {
    row: (r) => {
      const d = r as unknown as DocumentRow;
      return {
        title: d.title || `${d.year} 年${label('documentKind', d.kind)}`,
        meta: `${label('documentKind', d.kind)} · ${d.year} 年度 · 提交于 ${formatDate(d.submittedOn)}`,
        aside: { text: '已提交', className: 'pill pill--met' },
      };
    },
    tile: { text: '计划总结', icon: '计', tone: 'cyan', order: 5 },
  },
  members: {
    row: (r) => person(r, true),
    tile: { text: '团队成员', icon: '队', tone: 'secondary', order: 7 },
  },
  certificates: { row: (r) => person(r, false) },
};

/** The home tiles of the record kinds that have one, each opening its records screen. */
export function recordTiles(): HomeTile[] {
  return (Object.keys(RECORD_ROWS) as RecordType[]).flatMap((type) => {
    const tile = RECORD_ROWS[type].tile;
    return tile ? [{ ...tile, url: `records/index?type=${type}` }] : [];
  });
}
