import { QueryFailedError } from 'typeorm';
import { isWriteConflict, retryWriteConflicts } from './retrying-data-source';

const deadlock = (): QueryFailedError =>
  new QueryFailedError('COMMIT', [], {
    code: 'ER_LOCK_DEADLOCK',
    errno: 1213,
    message: 'Deadlock found when trying to get lock; try restarting transaction',
  } as unknown as Error);

describe('retryWriteConflicts', () => {
  const fast = { baseMs: 0, maxMs: 0 };

  it('runs the work again after a write conflict and returns its result', async () => {
    let calls = 0;
    const out = await retryWriteConflicts(async () => {
      calls++;
      if (calls < 3) throw deadlock();
      return 'ok';
    }, fast);
    expect(out).toBe('ok');
    expect(calls).toBe(3);
  });

  it('gives up after the bounded number of attempts and rethrows the conflict', async () => {
    let calls = 0;
    await expect(
      retryWriteConflicts(
        async () => {
          calls++;
          throw deadlock();
        },
        { ...fast, attempts: 4 },
      ),
    ).rejects.toBeInstanceOf(QueryFailedError);
    expect(calls).toBe(4);
  });

  it('does not retry other errors, nor lock wait timeouts', async () => {
    let calls = 0;
    const timeout = new QueryFailedError('UPDATE', [], {
      code: 'ER_LOCK_WAIT_TIMEOUT',
      errno: 1205,
    } as unknown as Error);
    await expect(
      retryWriteConflicts(async () => {
        calls++;
        throw timeout;
      }, fast),
    ).rejects.toBe(timeout);
    await expect(
      retryWriteConflicts(async () => {
        calls++;
        throw new Error('bad input');
      }, fast),
    ).rejects.toThrow('bad input');
    expect(calls).toBe(2);
  });

  it('waits a jittered, growing, capped time between attempts', async () => {
    const waits: number[] = [];
    const realSetTimeout = global.setTimeout;
    const spy = jest.spyOn(global, 'setTimeout').mockImplementation(((
      fn: () => void,
      ms?: number,
    ) => {
      waits.push(ms ?? 0);
      return realSetTimeout(fn, 0);
    }) as typeof setTimeout);
    let calls = 0;
    await retryWriteConflicts(
      async () => {
        if (++calls < 5) throw deadlock();
        return calls;
      },
      { baseMs: 10, maxMs: 50, random: () => 0.999 },
    );
    spy.mockRestore();
    expect(waits).toEqual([19, 39, 49, 49]);
  });

  it('recognises a conflict through a cause chain', () => {
    expect(isWriteConflict(new Error('wrapped', { cause: deadlock() }))).toBe(true);
    expect(isWriteConflict(new Error('plain'))).toBe(false);
  });
});
