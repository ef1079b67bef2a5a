import { type DomainErrorCode, httpStatusOf } from './domain-error';

describe('httpStatusOf', () => {
  it('answers each kind of conflict with 409 under its own code', () => {
    const conflicts: DomainErrorCode[] = [
      'PERIOD_FINALIZED',
      'PERIOD_OVERLAPS',
      'PERIOD_ALREADY_FINALIZED',
      'SIGNED_OFF',
      'ACTIVITY_HAS_ATTENDANCE',
      'APPRENTICE_HAS_HISTORY',
      'CHECKIN_CODE_AMBIGUOUS',
      'CHECKIN_CLOSED',
      'IDEMPOTENCY_KEY_IN_PROGRESS',
      'ROLE_ALREADY_HELD',
      'ACCOUNT_LINKED_TO_OTHER_PERSON',
      'INVITEE_LEFT',
      'INVITATION_USED',
    ];
    expect(conflicts.map(httpStatusOf)).toEqual(conflicts.map(() => 409));
  });

  it('keeps the other statuses', () => {
    expect(
      [
        'VALIDATION_FAILED',
        'UNAUTHENTICATED',
        'FORBIDDEN',
        'NOT_FOUND',
        'INVITATION_EXPIRED',
        'IDEMPOTENCY_KEY_REUSED',
        'RATE_LIMITED',
        'RULES_UNAVAILABLE',
        'EVIDENCE_BUSY',
      ].map((c) => httpStatusOf(c as DomainErrorCode)),
    ).toEqual([400, 401, 403, 404, 410, 422, 429, 503, 503]);
  });
});
