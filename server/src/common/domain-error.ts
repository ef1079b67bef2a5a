/**
 * Typed domain errors (style.md §4): a stable code for the client and a Chinese message
 * for the user. DomainExceptionFilter is the one place that maps codes to HTTP statuses.
 */
export const DOMAIN_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  // 409: each conflict has its own code, so the app (and a log) can tell which it was.
  'PERIOD_FINALIZED',
  'PERIOD_OVERLAPS',
  'PERIOD_ALREADY_FINALIZED',
  'SIGNED_OFF',
  'ACTIVITY_HAS_ATTENDANCE',
  'APPRENTICE_HAS_HISTORY',
  'CHECKIN_CODE_AMBIGUOUS',
  'IDEMPOTENCY_KEY_IN_PROGRESS',
  'ROLE_ALREADY_HELD',
  'ACCOUNT_LINKED_TO_OTHER_PERSON',
  'INVITEE_LEFT',
  'IDEMPOTENCY_KEY_REUSED',
  'CHECKIN_CODE_INVALID',
  'CHECKIN_CODE_EXPIRED',
  'CHECKIN_CLOSED',
  'CHECKIN_NOT_ACTIVITY_DAY',
  'WECHAT_SIGNIN_FAILED',
  'WECHAT_NOT_CONFIGURED',
  'RULES_REJECTED',
  'RULES_UNAVAILABLE',
  'RATE_LIMITED',
  'INVITATION_NOT_FOUND',
  'INVITATION_USED',
  'INVITATION_EXPIRED',
  'INVITATION_REVOKED',
  'PRIVACY_ROLE_HELD',
  'PRIVACY_NO_STUDIO',
  // imports/: a file refused before reading (bad, encrypted, macro, zip bomb, too many rows), a preview with row errors.
  'IMPORT_FILE_REFUSED',
  'IMPORT_TOO_MANY_ROWS',
  'IMPORT_HAS_ERRORS',
  'FILE_TOO_LARGE',
  'STORAGE_QUOTA_EXCEEDED',
  'FILE_TYPE_REFUSED',
  // evidence/: the same file is being removed or stored by another request right now.
  'EVIDENCE_BUSY',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what = '记录'): DomainError =>
  new DomainError('NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (message = '当前角色无权执行此操作'): DomainError =>
  new DomainError('FORBIDDEN', message);
export const validationFailed = (
  fields: Record<string, string>,
  message = '提交的内容有误，请检查标出的字段',
): DomainError => new DomainError('VALIDATION_FAILED', message, fields);

export function httpStatusOf(code: DomainErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'CHECKIN_CODE_INVALID':
    case 'RULES_REJECTED':
    case 'IMPORT_FILE_REFUSED':
    case 'IMPORT_TOO_MANY_ROWS':
      return 400;
    case 'UNAUTHENTICATED':
    case 'WECHAT_SIGNIN_FAILED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
    case 'INVITATION_NOT_FOUND':
      return 404;
    case 'PERIOD_FINALIZED':
    case 'PERIOD_OVERLAPS':
    case 'PERIOD_ALREADY_FINALIZED':
    case 'SIGNED_OFF':
    case 'ACTIVITY_HAS_ATTENDANCE':
    case 'APPRENTICE_HAS_HISTORY':
    case 'CHECKIN_CODE_AMBIGUOUS':
    case 'IDEMPOTENCY_KEY_IN_PROGRESS':
    case 'ROLE_ALREADY_HELD':
    case 'ACCOUNT_LINKED_TO_OTHER_PERSON':
    case 'INVITEE_LEFT':
    case 'CHECKIN_CLOSED':
    case 'CHECKIN_NOT_ACTIVITY_DAY':
    case 'INVITATION_USED':
    case 'PRIVACY_ROLE_HELD':
    case 'PRIVACY_NO_STUDIO':
      return 409;
    case 'CHECKIN_CODE_EXPIRED':
    case 'INVITATION_EXPIRED':
    case 'INVITATION_REVOKED':
      return 410;
    case 'IDEMPOTENCY_KEY_REUSED':
    case 'IMPORT_HAS_ERRORS':
      return 422;
    case 'FILE_TOO_LARGE':
    case 'STORAGE_QUOTA_EXCEEDED':
      return 413;
    case 'FILE_TYPE_REFUSED':
      return 415;
    case 'RATE_LIMITED':
      return 429;
    case 'WECHAT_NOT_CONFIGURED':
    case 'RULES_UNAVAILABLE':
    case 'EVIDENCE_BUSY':
      return 503;
  }
}
