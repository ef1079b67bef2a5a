import { QueryFailedError } from 'typeorm';

/**
 * Precise checks on a failed query, for the drivers the server runs on (MySQL/MariaDB via
 * mysql2, SQLite via sql.js). Anything else — a deadlock, a lost connection — is neither and
 * must be rethrown, not read as "already there".
 */
interface DriverError {
  code?: string;
  errno?: number;
  message?: string;
}

const driverErrorOf = (e: QueryFailedError): DriverError | undefined => e.driverError as DriverError | undefined;

/** A UNIQUE / primary-key violation (MySQL ER_DUP_ENTRY 1062, SQLite "UNIQUE constraint failed"). */
export function isDuplicate(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const d = driverErrorOf(e);
  return d?.code === 'ER_DUP_ENTRY' || d?.errno === 1062 || /UNIQUE constraint failed/i.test(d?.message ?? e.message);
}

/** A foreign key pointing at a missing row (MySQL ER_NO_REFERENCED_ROW_2 1452, SQLite "FOREIGN KEY constraint failed"). */
export function isMissingParent(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const d = driverErrorOf(e);
  return d?.code === 'ER_NO_REFERENCED_ROW_2' || d?.errno === 1452 || /FOREIGN KEY constraint failed/i.test(d?.message ?? e.message);
}
