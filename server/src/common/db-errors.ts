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

const driverErrorOf = (e: QueryFailedError): DriverError | undefined =>
  e.driverError as DriverError | undefined;

/** A UNIQUE / primary-key violation (MySQL ER_DUP_ENTRY 1062, SQLite "UNIQUE constraint failed"). */
export function isDuplicate(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const d = driverErrorOf(e);
  return (
    d?.code === 'ER_DUP_ENTRY' ||
    d?.errno === 1062 ||
    /UNIQUE constraint failed/i.test(d?.message ?? e.message)
  );
}

/** A foreign key pointing at a missing row (MySQL ER_NO_REFERENCED_ROW_2 1452, SQLite "FOREIGN KEY constraint failed"). */
export function isMissingParent(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const d = driverErrorOf(e);
  return (
    d?.code === 'ER_NO_REFERENCED_ROW_2' ||
    d?.errno === 1452 ||
    /FOREIGN KEY constraint failed/i.test(d?.message ?? e.message)
  );
}

const camel = (column: string): string =>
  column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The column a constraint message names: MySQL "Column 'x' cannot be null", SQLite "NOT NULL constraint failed: t.x". */
function columnOf(message: string): string | null {
  const m = /column '([^']+)'/i.exec(message) ?? /constraint failed: \w+\.(\w+)/i.exec(message);
  return m?.[1] ? camel(m[1]) : null;
}

export interface InputErrorAnswer {
  status: 400 | 409;
  code: 'VALIDATION_FAILED' | 'CONFLICT';
  message: string;
  fields?: Record<string, string>;
}

/**
 * A query that the database refused because of the values it was given — a NOT NULL column
 * left empty, a number out of the column's range, text too long, a duplicate, a row still
 * referenced — is the caller's mistake: 400 or 409, never 500. Everything else is null.
 */
export function inputErrorAnswer(e: unknown): InputErrorAnswer | null {
  if (e instanceof Error && e.name === 'UpdateValuesMissingError')
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '没有要修改的字段：请至少提交一个字段',
    };
  if (!(e instanceof QueryFailedError)) return null;
  const d = driverErrorOf(e) ?? {};
  const message = d.message ?? e.message;
  const col = columnOf(message);
  const field = (text: string): Pick<InputErrorAnswer, 'fields'> =>
    col ? { fields: { [col]: text } } : {};
  if (
    d.code === 'ER_BAD_NULL_ERROR' ||
    d.errno === 1048 ||
    /NOT NULL constraint failed/i.test(message)
  ) {
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '必填的字段不能为空',
      ...field('此项不能为空'),
    };
  }
  if (d.code === 'ER_WARN_DATA_OUT_OF_RANGE' || d.errno === 1264)
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '数值超出允许的范围',
      ...field('数值超出允许的范围'),
    };
  if (d.code === 'ER_DATA_TOO_LONG' || d.errno === 1406)
    return { status: 400, code: 'VALIDATION_FAILED', message: '内容过长', ...field('内容过长') };
  if (d.errno === 1292 || d.errno === 1366 || d.errno === 1265)
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '字段的值格式不正确',
      ...field('格式不正确'),
    };
  if (isDuplicate(e)) return { status: 409, code: 'CONFLICT', message: '相同的记录已经存在' };
  if (isMissingParent(e))
    return { status: 400, code: 'VALIDATION_FAILED', message: '引用的记录不存在' };
  if (d.code === 'ER_ROW_IS_REFERENCED_2' || d.errno === 1451)
    return { status: 409, code: 'CONFLICT', message: '该记录仍被其他记录引用，不能删除' };
  return null;
}

/** Error codes that mean the database cannot be reached or dropped the connection (mysql2, Node's net). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_QUERY_INTERRUPTED',
  'CR_SERVER_GONE_ERROR',
  'CR_SERVER_LOST',
]);
const UNREACHABLE_ERRNOS = new Set([1040, 1053, 1927, 1317, 2002, 2003, 2006, 2013]);
/** mysql2 errors that carry no code: a query on a connection that already died, or on a closed pool. */
const UNREACHABLE_MESSAGES =
  /closed state|Pool is closed|Connection lost|connect ETIMEDOUT|read ECONNRESET|Too many connections/i;
/** Transient contention: a deadlock victim or a lock wait that timed out. Retrying helps. */
const BUSY_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const BUSY_ERRNOS = new Set([1213, 1205]);

/**
 * 'unavailable' while the database is down or unreachable, 'busy' for contention that a retry
 * solves, else null. Looks through TypeORM's QueryFailedError, `cause` chains and mysql2 errors.
 */
export function databaseTrouble(e: unknown): 'unavailable' | 'busy' | null {
  const seen = new Set<unknown>();
  for (let x: unknown = e; x && typeof x === 'object' && !seen.has(x);) {
    seen.add(x);
    const d = x as DriverError & { driverError?: unknown; cause?: unknown };
    if ((d.code && BUSY_CODES.has(d.code)) || (d.errno !== undefined && BUSY_ERRNOS.has(d.errno)))
      return 'busy';
    if (
      (d.code && UNREACHABLE_CODES.has(d.code)) ||
      (d.errno !== undefined && UNREACHABLE_ERRNOS.has(d.errno)) ||
      UNREACHABLE_MESSAGES.test(d.message ?? '')
    )
      return 'unavailable';
    if (Array.isArray((x as { errors?: unknown }).errors)) {
      // AggregateError from a connect to several addresses (localhost → ::1 and 127.0.0.1).
      for (const inner of (x as { errors: unknown[] }).errors) {
        const t = databaseTrouble(inner);
        if (t) return t;
      }
    }
    x = d.driverError ?? d.cause;
  }
  return null;
}
