import { QueryFailedError } from 'typeorm';
import { databaseTrouble, inputErrorAnswer } from './db-errors';

const failed = (driverError: {
  message?: string;
  code?: string;
  errno?: number;
}): QueryFailedError =>
  new QueryFailedError(
    'UPDATE x',
    [],
    Object.assign(new Error(driverError.message ?? 'x'), driverError),
  );

describe(inputErrorAnswer.name, () => {
  it('answers NOT NULL violations with 400 naming the field, on MySQL and SQLite', () => {
    expect(
      inputErrorAnswer(
        failed({
          code: 'ER_BAD_NULL_ERROR',
          errno: 1048,
          message: "Column 'leader_full_time' cannot be null",
        }),
      ),
    ).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      fields: { leaderFullTime: '此项不能为空' },
    });
    expect(
      inputErrorAnswer(failed({ message: 'NOT NULL constraint failed: studios.status' })),
    ).toMatchObject({ status: 400, fields: { status: '此项不能为空' } });
  });
  it('answers values the column cannot hold with 400', () => {
    expect(
      inputErrorAnswer(
        failed({ errno: 1264, message: "Out of range value for column 'record_id' at row 1" }),
      ),
    ).toMatchObject({ status: 400, fields: { recordId: '数值超出允许的范围' } });
    expect(
      inputErrorAnswer(
        failed({ errno: 1406, message: "Data too long for column 'title' at row 1" }),
      ),
    ).toMatchObject({ status: 400 });
  });
  it('answers duplicates and rows still referenced with 409', () => {
    expect(inputErrorAnswer(failed({ code: 'ER_DUP_ENTRY', errno: 1062 }))).toMatchObject({
      status: 409,
      code: 'CONFLICT',
    });
    expect(inputErrorAnswer(failed({ errno: 1451 }))).toMatchObject({ status: 409 });
  });
  it('answers an update with no values with 400', () => {
    const e = new Error('Cannot perform update query because update values are not defined.');
    e.name = 'UpdateValuesMissingError';
    expect(inputErrorAnswer(e)).toMatchObject({ status: 400 });
  });
  it('leaves everything else alone', () => {
    expect(inputErrorAnswer(failed({ code: 'ER_LOCK_DEADLOCK', errno: 1213 }))).toBeNull();
    expect(inputErrorAnswer(new Error('boom'))).toBeNull();
  });
});

describe(databaseTrouble.name, () => {
  it('names a database that cannot be reached, however the error is wrapped', () => {
    expect(
      databaseTrouble(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe('unavailable');
    expect(
      databaseTrouble(
        failed({
          code: 'PROTOCOL_CONNECTION_LOST',
          message: 'Connection lost: The server closed the connection.',
        }),
      ),
    ).toBe('unavailable');
    expect(
      databaseTrouble(new Error("Can't add new command when connection is in closed state")),
    ).toBe('unavailable');
    expect(
      databaseTrouble(
        new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]),
      ),
    ).toBe('unavailable');
    expect(databaseTrouble(new Error('outer', { cause: failed({ errno: 2013 }) }))).toBe(
      'unavailable',
    );
  });
  it('names contention that a retry solves', () => {
    expect(databaseTrouble(failed({ code: 'ER_LOCK_DEADLOCK', errno: 1213 }))).toBe('busy');
    expect(databaseTrouble(failed({ errno: 1205 }))).toBe('busy');
  });
  it('leaves input errors and bugs alone', () => {
    expect(databaseTrouble(failed({ code: 'ER_BAD_NULL_ERROR', errno: 1048 }))).toBeNull();
    expect(databaseTrouble(new TypeError('x is undefined'))).toBeNull();
  });
});
