import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestWithCaller } from '../auth/caller';
import { isDuplicate } from './db-errors';
import { DomainError, validationFailed } from './domain-error';
import { serializeOnSqljs } from '../database/serialize';
import { IdempotencyKey } from './idempotency-key.entity';
import { wholeSeconds } from '../database/sql';

/**
 * Idempotency-Key for create (POST) requests, so that the mini-app's offline queue can resend
 * a write as often as the network makes it necessary and the server applies it once.
 *
 * Two halves, one mechanism:
 * - `@Idempotent()` on a POST route: validates the header, answers a key already used by the
 *   same account (same method + path: the stored status and body; otherwise 422) without
 *   running the handler, and else runs the handler with the key in an async-local context.
 * - `idempotent(m, produce)` inside the write transaction (RecordStore.create, sign-offs,
 *   period finalization): claims the key with an INSERT first, then stores the answer, so the
 *   key row commits or rolls back together with the record. A concurrent duplicate fails on
 *   UNIQUE(account_id, idempotency_key), its transaction rolls back, and the interceptor
 *   answers it with the stored response of the request that won.
 * Without the header nothing changes.
 */

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[A-Za-z0-9_\-:.]{1,100}$/;

interface PendingKey {
  accountId: number;
  key: string;
  method: string;
  path: string;
  status: number;
  /**
   * The transaction that claimed the key: a nested `idempotent` call in it does not claim again.
   * Per transaction, not per request: a transaction retried after a write conflict
   * (database/retrying-data-source.ts) runs on a new manager and must claim the key again,
   * or its retry would store the record without the key and duplicate it.
   */
  claimedIn: EntityManager | null;
}

const pending = new AsyncLocalStorage<PendingKey>();

/** The key was claimed by another request first (unique violation on the key row). */
export class IdempotencyKeyTaken extends Error {
  constructor(override readonly cause: unknown) {
    super('idempotency key already claimed');
    this.name = 'IdempotencyKeyTaken';
  }
}

/**
 * Runs `produce` (the write, inside transaction `m`) and, when the request carries an
 * Idempotency-Key, stores its answer in the same transaction. Throws IdempotencyKeyTaken
 * when another request holds the key; the caller's transaction then rolls back.
 */
export async function idempotent<T>(m: EntityManager, produce: () => Promise<T>): Promise<T> {
  const p = pending.getStore();
  if (!p || p.claimedIn === m) return produce();
  p.claimedIn = m;
  try {
    await m.insert(IdempotencyKey, {
      accountId: p.accountId,
      key: p.key,
      method: p.method,
      path: p.path,
      status: p.status,
      responseBody: null,
      createdAt: wholeSeconds(),
    });
  } catch (e) {
    if (isDuplicate(e)) throw new IdempotencyKeyTaken(e);
    throw e;
  }
  const body = await produce();
  await m.update(
    IdempotencyKey,
    { accountId: p.accountId, key: p.key },
    { responseBody: JSON.stringify(body ?? null) },
  );
  return body;
}

interface HttpRequest extends RequestWithCaller {
  method: string;
  originalUrl: string;
}
interface HttpResponse {
  statusCode: number;
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly db: DataSource) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = ctx.switchToHttp();
    const req = http.getRequest<HttpRequest>();
    const raw = req.headers[IDEMPOTENCY_HEADER];
    if (raw === undefined || !req.caller || req.method !== 'POST') return next.handle();
    if (typeof raw !== 'string' || !KEY_PATTERN.test(raw)) {
      throw validationFailed(
        { 'Idempotency-Key': '幂等键应为 1–100 个字符，只能包含字母、数字和 _ - : .' },
        '请求头 Idempotency-Key 格式不正确',
      );
    }
    const res = http.getResponse<HttpResponse>();
    const p: PendingKey = {
      accountId: req.caller.accountId,
      key: raw,
      method: req.method,
      path: req.originalUrl.split('?')[0] ?? '',
      status: res.statusCode,
      claimedIn: null,
    };
    const run = async (): Promise<unknown> => {
      const stored = await this.find(p);
      if (stored) return this.replay(stored, p, res);
      try {
        return await pending.run(p, () => lastValueFrom(next.handle()));
      } catch (e) {
        if (!(e instanceof IdempotencyKeyTaken)) throw e;
        const winner = await this.find(p);
        if (!winner) throw e.cause;
        return this.replay(winner, p, res);
      }
    };
    // sql.js: one shared connection, no isolation between requests; same-key requests queue.
    return from(serializeOnSqljs(this.db, `idempotency\u0000${p.accountId}\u0000${p.key}`, run));
  }

  private find(p: PendingKey): Promise<IdempotencyKey | null> {
    return this.db.getRepository(IdempotencyKey).findOneBy({ accountId: p.accountId, key: p.key });
  }

  private replay(stored: IdempotencyKey, p: PendingKey, res: HttpResponse): unknown {
    if (stored.method !== p.method || stored.path !== p.path) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        '该幂等键（Idempotency-Key）已用于另一个请求，请为新的请求生成新的键',
      );
    }
    if (stored.responseBody === null)
      throw new DomainError(
        'IDEMPOTENCY_KEY_IN_PROGRESS',
        '相同幂等键的请求正在处理中，请稍后重试',
      );
    res.status(stored.status);
    res.setHeader('Idempotent-Replayed', 'true');
    return JSON.parse(stored.responseBody) as unknown;
  }
}

/** Marks a create (POST) route as honouring the Idempotency-Key header (see above). */
export const Idempotent = (): MethodDecorator & ClassDecorator =>
  UseInterceptors(IdempotencyInterceptor);
