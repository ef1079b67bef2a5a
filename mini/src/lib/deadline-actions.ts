import { dueText, formatDate } from './format';

/**
 * What a deadline row opens (issue 11 item 8), by who holds the phone. The deadlines themselves
 * come from shared-rules (the server's progress and dashboards); this only says where each one
 * is acted on.
 */
export type DeadlineRole = 'leader' | 'member' | 'unit_contact' | 'reviewer';

export interface DeadlineLink {
  /** What to do, on the row: 去登记计划、去确认… */
  action: string;
  url: string;
}

const DOCS = new Set(['annual_plan', 'annual_summary']);

export function deadlineLink(role: DeadlineRole, studioId: number, id: string): DeadlineLink {
  const q = `studioId=${studioId}`;
  if (role === 'leader' || role === 'member') {
    if (DOCS.has(id))
      return {
        action: id === 'annual_plan' ? '去登记计划' : '去登记总结',
        url: `/pages/leader/records/index?${q}&type=documents`,
      };
    return { action: '去准备材料', url: `/pages/exports/index/index?${q}` };
  }
  if (role === 'unit_contact') {
    if (DOCS.has(id)) return { action: '去查看', url: `/pages/unit/studio/index?${q}` };
    return { action: '去准备材料', url: `/pages/exports/index/index?${q}` };
  }
  // The bureau acts on the studio's assessment sheet.
  return { action: '去评审', url: `/pages/reviewer/sheet/index?${q}` };
}

export interface DeadlineLine {
  id: string;
  dueOn: string;
  title: string;
  /** 还剩 30 天; overdue: 2026年12月31日截止 · 已逾期 3 天 (last year's paper and this year's share a title). */
  due: string;
  overdue: boolean;
  done: boolean;
}

/**
 * The deadlines worth a row: every overdue one, then the next `upcoming` not yet done, by date.
 * Done ones are left out unless `withDone`.
 */
export function deadlineLines(
  deadlines: {
    id: string;
    label?: string | null;
    dueOn: string;
    done?: boolean;
    overdue?: boolean;
  }[],
  asOf: string,
  opts: { upcoming?: number; withDone?: boolean; labelOf?: (id: string) => string } = {},
): DeadlineLine[] {
  const { upcoming = 2, withDone = false, labelOf = (id: string) => id } = opts;
  const lines = [...deadlines]
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
    .map((d) => {
      const done = d.done === true;
      const overdue = !done && (d.overdue === true || d.dueOn < asOf);
      return {
        id: d.id,
        dueOn: d.dueOn,
        title: d.label || labelOf(d.id),
        due: done
          ? `截止 ${formatDate(d.dueOn)}`
          : overdue
            ? `${formatDate(d.dueOn)}截止 · ${dueText(d.dueOn, asOf)}`
            : dueText(d.dueOn, asOf),
        overdue,
        done,
      };
    });
  const overdue = lines.filter((l) => l.overdue);
  const next = lines.filter((l) => !l.overdue && !l.done).slice(0, upcoming);
  const done = withDone ? lines.filter((l) => l.done) : [];
  return [...overdue, ...next, ...done];
}

/**
 * An inbox row's due line: overdue reminders (step `overdue`) count the days from today, so a row
 * read a week later still says how late it is.
 */
export function reminderDue(
  r: { step: string; dueOn: string },
  today: string,
): { text: string; overdue: boolean } {
  const overdue = r.step === 'overdue' && r.dueOn < today;
  return overdue
    ? { text: `截止 ${r.dueOn} · ${dueText(r.dueOn, today)}`, overdue }
    : { text: `截止 ${r.dueOn}`, overdue: r.step === 'overdue' };
}
