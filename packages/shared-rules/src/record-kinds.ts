/**
 * The one table of studio record kinds, shared by the server and the mini-app: plain data, no
 * framework. The server binds each kind to its entity and DTOs (server/src/records/record-kinds.ts)
 * and derives its routes, sign-off and audit kinds and the record store's messages from it; the
 * mini-app derives its record screens and labels from it.
 *
 * A record of kind `k` appears in Facts in the list `facts`, as a record of type `k`
 * (`activity` → `facts.activities`, types.ts).
 */
import type { Collection } from './types.js';

export interface RecordKindInfo {
  /** The URL segment (`/studios/:studioId/<path>`) and the app's record-screen type. */
  readonly path: string;
  /** The Chinese noun of server messages and API summaries (该成果已由单位审核确认…). */
  readonly noun: string;
  /** The app's shorter noun (新增成员, 还没有成员记录). */
  readonly appNoun: string;
  /** The app's record-screen title. */
  readonly title: string;
  /** The fields whose dates place a record in an assessment period: a finalized period locks it. */
  readonly datedBy: readonly string[];
  /** A unit contact may sign it off (审核确认), after which it can be neither changed nor deleted. */
  readonly signable: boolean;
  /** The Facts list that holds it. */
  readonly facts: Exclude<Collection, 'leader' | 'studio' | 'judgments'>;
}

export const RECORD_KINDS = {
  member: {
    path: 'members',
    noun: '团队成员',
    appNoun: '成员',
    title: '团队成员',
    datedBy: [],
    signable: true,
    facts: 'members',
  },
  apprentice: {
    path: 'apprentices',
    noun: '徒弟',
    appNoun: '学徒',
    title: '学徒',
    datedBy: ['joinedOn', 'agreementSignedOn', 'leftOn'],
    signable: true,
    facts: 'apprentices',
  },
  certificate: {
    path: 'certificates',
    noun: '技能证书',
    appNoun: '证书',
    title: '证书',
    datedBy: ['awardedOn'],
    signable: true,
    facts: 'certificates',
  },
  activity: {
    path: 'activities',
    noun: '活动',
    appNoun: '活动',
    title: '活动',
    datedBy: ['date'],
    signable: true,
    facts: 'activities',
  },
  achievement: {
    path: 'achievements',
    noun: '成果',
    appNoun: '成果',
    title: '成果',
    datedBy: ['date'],
    signable: true,
    facts: 'achievements',
  },
  fund: {
    path: 'funds',
    noun: '经费记录',
    appNoun: '经费',
    title: '经费台账',
    datedBy: ['date'],
    signable: true,
    facts: 'funds',
  },
  document: {
    path: 'documents',
    noun: '材料',
    appNoun: '文件',
    title: '计划与总结',
    datedBy: ['submittedOn'],
    signable: true,
    facts: 'documents',
  },
} as const satisfies Record<string, RecordKindInfo>;

export type RecordKind = keyof typeof RECORD_KINDS;
/** The URL segment of a kind, e.g. `activities`. */
export type RecordPath = (typeof RECORD_KINDS)[RecordKind]['path'];

/** Every record kind, in the table's order. */
export const RECORD_KIND_NAMES = Object.keys(RECORD_KINDS) as RecordKind[];

/** The kinds a unit contact can sign off. */
export const SIGNABLE_KINDS = RECORD_KIND_NAMES.filter((k) => RECORD_KINDS[k].signable);

/** What the audit log records besides the record kinds: the studio itself, scores, check-in, invitations, units, sign-offs, finalized periods, role grants/removals, sign-ins (account) and evidence files attached or removed (evidence). */
export const NON_RECORD_AUDIT_KINDS = [
  'studio',
  'judgment',
  'checkin',
  'invitation',
  'unit',
  'signoff',
  'period',
  'role',
  'account',
  'privacy',
  'evidence',
  'override',
  'review',
] as const;

/** Every `recordType` the audit log writes, and so every value `?recordType=` accepts. */
export const AUDIT_KINDS = [...RECORD_KIND_NAMES, ...NON_RECORD_AUDIT_KINDS] as const;
export type AuditKind = RecordKind | (typeof NON_RECORD_AUDIT_KINDS)[number];

/** The kind behind a URL segment (`activities` → `activity`). */
export function kindOfPath(path: string): RecordKind | undefined {
  return RECORD_KIND_NAMES.find((k) => RECORD_KINDS[k].path === path);
}
