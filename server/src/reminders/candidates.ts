/**
 * What the scan wants to tell whom, built from shared-rules' answers for one studio (pure: no
 * database, no clock). Each candidate carries its unique key (account, kind, subject, due date,
 * step), the text of the inbox row and the mini-app screen where the thing is done.
 */
import {
  type AssessmentSheet,
  deadlineReminders,
  inactivityReminder,
  judgedItemsReminder,
  laggingTargets,
  LABELS_ZH,
  type Progress,
  stepPhraseZh,
} from '@master-studio/shared-rules';
import type { ReminderKind } from './reminder-kinds';

export interface Candidate {
  accountId: number;
  kind: ReminderKind;
  subject: string;
  dueOn: string;
  step: string;
  studioId: number | null;
  title: string;
  body: string;
  route: string;
}

export interface StudioRecipients {
  leaders: number[];
  unitContacts: number[];
  reviewers: number[];
}

export interface StudioInfo {
  id: number;
  name: string;
}

const label = (group: 'deadlines' | 'targets', id: string): string =>
  (LABELS_ZH[group] as Record<string, string>)[id] ?? id;

const DOCUMENT_DEADLINES = new Set(['annual_plan', 'annual_summary']);

/**
 * An overdue deadline has its own text, "已逾期" first (WeChat's 20-character field keeps it): sent
 * once (the step is part of the unique key), e.g. on 1 January for a year-end paper never filed.
 */
function deadlineTitle(what: string, id: string, dueOn: string, step: string): string {
  if (step !== 'overdue') return `${what}：${stepPhraseZh(step)}（${dueOn} 截止）`;
  return DOCUMENT_DEADLINES.has(id)
    ? `${what}已逾期（${dueOn} 截止），尚未报送，请尽快补报`
    : `${what}已逾期（${dueOn} 截止）`;
}

function each(ids: number[], make: (accountId: number) => Candidate): Candidate[] {
  return [...new Set(ids)].map(make);
}

/** Deadlines, lagging targets and the inactivity line: to the leader (inactivity also to the unit). */
export function studioCandidates(
  studio: StudioInfo,
  progress: Progress,
  sheet: AssessmentSheet | null,
  to: StudioRecipients,
): Candidate[] {
  const out: Candidate[] = [];
  const s = studio.id;
  for (const { deadline: d, step } of deadlineReminders(progress)) {
    const what = label('deadlines', d.id);
    const route = DOCUMENT_DEADLINES.has(d.id)
      ? `/pages/leader/record-edit/index?studioId=${s}&type=documents`
      : `/pages/leader/home/index?studioId=${s}`;
    out.push(
      ...each(to.leaders, (accountId) => ({
        accountId,
        kind: 'deadline',
        subject: `studio:${s}:${d.id}`,
        dueOn: d.dueOn,
        step,
        studioId: s,
        title: deadlineTitle(what, d.id, d.dueOn, step),
        body: `${studio.name}：${d.explanation}`,
        route,
      })),
    );
  }
  for (const t of laggingTargets(progress)) {
    // A standing condition (team size) has no period: reminded once a calendar year per status.
    const dueOn = t.period?.to ?? `${progress.asOf.slice(0, 4)}-12-31`;
    out.push(
      ...each(to.leaders, (accountId) => ({
        accountId,
        kind: 'target',
        subject: `studio:${s}:${t.id}`,
        dueOn,
        step: t.status,
        studioId: s,
        title: t.period
          ? `${t.label || label('targets', t.id)}：${stepPhraseZh(t.status)}（${dueOn} 前需达到 ${t.required}，现 ${t.actual}）`
          : `${t.label || label('targets', t.id)}：${stepPhraseZh(t.status)}（须达到 ${t.required}，现 ${t.actual}）`,
        body: `${studio.name}：${t.explanation}`,
        route: `/pages/leader/target/index?studioId=${s}&targetId=${t.id}`,
      })),
    );
  }
  const idle = inactivityReminder(progress);
  if (idle) {
    const text = {
      title: `长期无活动：${stepPhraseZh(idle.step)}，${idle.revokedAfter} 后仍无活动将被取消称号`,
      body: `${studio.name}最近一次活动为 ${idle.lastActivity}。超过一年不开展工作将被取消工作室称号（${idle.article}），请尽快开展并登记活动。`,
    };
    const common = {
      kind: 'inactivity' as const,
      subject: `studio:${s}`,
      dueOn: idle.revokedAfter,
      step: idle.step,
      studioId: s,
      ...text,
    };
    out.push(
      ...each(to.leaders, (accountId) => ({
        ...common,
        accountId,
        route: `/pages/leader/record-edit/index?studioId=${s}&type=activities`,
      })),
      ...each(to.unitContacts, (accountId) => ({
        ...common,
        accountId,
        route: `/pages/unit/studio/index?studioId=${s}`,
      })),
    );
  }
  const judged = sheet ? judgedItemsReminder(progress, sheet) : null;
  if (judged)
    out.push(
      ...each(to.reviewers, (accountId) => ({
        accountId,
        kind: 'judged_items',
        subject: `studio:${s}`,
        dueOn: judged.dueOn,
        step: 'd30',
        studioId: s,
        title: `期满考核 ${judged.dueOn} 前进行，尚有 ${judged.pending.length} 项待评审打分`,
        body: `${studio.name}：待评审项目 ${judged.pending.join('、')}。`,
        route: `/pages/reviewer/sheet/index?studioId=${s}`,
      })),
    );
  return out;
}
