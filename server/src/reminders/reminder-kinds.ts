/** The kinds of reminder a person can receive, and which WeChat template each is pushed with. */
export const REMINDER_KINDS = [
  'deadline',
  'target',
  'inactivity',
  'rectification',
  'signoff',
  'judged_items',
  'activity_today',
  'digest',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  deadline: '报送截止提醒',
  target: '目标进度提醒',
  inactivity: '长期无活动提醒',
  rectification: '限期整改提醒',
  signoff: '待确认记录提醒',
  judged_items: '待评审项目提醒',
  activity_today: '当日活动提醒',
  digest: '每周辖区摘要',
};

/** `deadline` template: studio, matter, due date, note; `activity`: activity, date, studio. */
export const TEMPLATE_OF: Record<ReminderKind, 'deadline' | 'activity'> = {
  deadline: 'deadline',
  target: 'deadline',
  inactivity: 'deadline',
  rectification: 'deadline',
  signoff: 'deadline',
  judged_items: 'deadline',
  activity_today: 'activity',
  digest: 'deadline',
};
