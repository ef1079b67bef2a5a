import { ApiError, networkError, toApiError } from './errors';
import { Outbox, newIdempotencyKey, type KeyValueStore, type QueuedCall } from './queue';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: (k) => data.get(k), set: (k, v) => void data.set(k, v) };
}

function makeOutbox(store = memoryStore()) {
  let n = 0;
  return {
    store,
    box: new Outbox(
      store,
      () => new Date('2025-06-01T08:00:00Z'),
      () => `key-${++n}`,
    ),
  };
}

describe(Outbox.name, () => {
  describe('enqueue', () => {
    it('persists calls so a restarted app still has them', () => {
      const { store, box } = makeOutbox();
      box.enqueue({ method: 'POST', path: '/checkins', body: { code: 'AB12' }, label: '签到' });
      const reopened = new Outbox(store);
      expect(reopened.list()).toHaveLength(1);
      expect(reopened.list()[0]).toMatchObject({
        id: 'key-1',
        path: '/checkins',
        body: { code: 'AB12' },
        status: 'pending',
        attempts: 0,
        createdAt: '2025-06-01T08:00:00.000Z',
      });
    });

    it('does not add the same idempotency key twice', () => {
      const { box } = makeOutbox();
      box.enqueue({ id: 'same', method: 'POST', path: '/a', label: 'x' });
      box.enqueue({ id: 'same', method: 'POST', path: '/a', label: 'x' });
      expect(box.list()).toHaveLength(1);
    });

    it('survives a corrupted storage value', () => {
      const store = memoryStore();
      store.set('ms.outbox', '{not json');
      expect(new Outbox(store).list()).toEqual([]);
    });
  });

  describe('flush', () => {
    it('sends in order with each call keeping its own idempotency key, then empties the queue', async () => {
      const { box } = makeOutbox();
      box.enqueue({ method: 'POST', path: '/one', label: '1' });
      box.enqueue({ method: 'POST', path: '/two', label: '2' });
      const seen: string[] = [];
      const res = await box.flush(async (c) => void seen.push(`${c.path}#${c.id}`));
      expect(seen).toEqual(['/one#key-1', '/two#key-2']);
      expect(res).toEqual({ sent: 2, failed: 0, remaining: 0 });
      expect(box.list()).toEqual([]);
    });

    it('stops at a network error and retries later with the same key (no duplicate, nothing lost)', async () => {
      const { box } = makeOutbox();
      box.enqueue({ method: 'POST', path: '/one', label: '1' });
      box.enqueue({ method: 'POST', path: '/two', label: '2' });
      const keys: string[] = [];
      const offline = await box.flush(async (c) => {
        keys.push(c.id);
        throw networkError();
      });
      expect(offline).toEqual({ sent: 0, failed: 0, remaining: 2 });
      expect(keys).toEqual(['key-1']);
      expect(box.list()[0]).toMatchObject({ attempts: 1, status: 'pending' });

      await box.flush(async (c) => void keys.push(c.id));
      expect(keys).toEqual(['key-1', 'key-1', 'key-2']);
      expect(box.pendingCount()).toBe(0);
    });

    it('keeps a call the server refused as failed with its message, and goes on with the rest', async () => {
      const { box } = makeOutbox();
      box.enqueue({ method: 'POST', path: '/bad', label: 'bad' });
      box.enqueue({ method: 'POST', path: '/good', label: 'good' });
      const res = await box.flush(async (c) => {
        if (c.path === '/bad')
          throw toApiError(400, { code: 'VALIDATION', message: '日期不能晚于今天' });
      });
      expect(res).toEqual({ sent: 1, failed: 1, remaining: 0 });
      expect(box.list()).toEqual([
        expect.objectContaining({ path: '/bad', status: 'failed', lastError: '日期不能晚于今天' }),
      ]);
    });

    it('counts a replayed DELETE answered 404 as done (the record is gone), but not a PATCH or POST', async () => {
      const { box } = makeOutbox();
      box.enqueue({ method: 'DELETE', path: '/studios/1/funds/7', label: '删除经费' });
      box.enqueue({
        method: 'PATCH',
        path: '/studios/1/funds/8',
        body: { amount: 5 },
        label: '修改经费',
      });
      box.enqueue({ method: 'DELETE', path: '/studios/1/funds/9', label: '删除经费' });
      const keys: string[] = [];
      const res = await box.flush(async (c) => {
        keys.push(`${c.method} ${c.path}#${c.id}`);
        if (c.path.endsWith('/7') || c.path.endsWith('/8'))
          throw toApiError(404, { code: 'NOT_FOUND', message: '记录不存在' });
      });
      expect(keys).toEqual([
        'DELETE /studios/1/funds/7#key-1',
        'PATCH /studios/1/funds/8#key-2',
        'DELETE /studios/1/funds/9#key-3',
      ]);
      expect(res).toEqual({ sent: 2, failed: 1, remaining: 0 });
      expect(box.list()).toEqual([
        expect.objectContaining({ method: 'PATCH', path: '/studios/1/funds/8', status: 'failed' }),
      ]);
    });

    it('keeps a replayed DELETE refused with 409 (finalized period, signed off) as failed', async () => {
      const { box } = makeOutbox();
      box.enqueue({ method: 'DELETE', path: '/studios/1/certificates/3', label: '删除证书' });
      const res = await box.flush(async () => {
        throw toApiError(409, { code: 'SIGNED_OFF', message: '已经单位确认的记录不能删除' });
      });
      expect(res).toEqual({ sent: 0, failed: 1, remaining: 0 });
      expect(box.list()[0]).toMatchObject({
        status: 'failed',
        lastError: '已经单位确认的记录不能删除',
      });
    });

    it('treats a DELETE that cannot reach the server as pending, to be replayed with the same key', async () => {
      const { box } = makeOutbox();
      box.enqueue({ method: 'DELETE', path: '/studios/1/funds/7', label: '删除经费' });
      await box.flush(async () => {
        throw networkError();
      });
      const seen: string[] = [];
      await box.flush(async (c) => void seen.push(c.id));
      expect(seen).toEqual(['key-1']);
      expect(box.list()).toEqual([]);
    });

    it('treats 5xx and 429 as temporary', async () => {
      const { box } = makeOutbox();
      box.enqueue({ method: 'POST', path: '/a', label: 'a' });
      await box.flush(async () => {
        throw new ApiError(503, 'HTTP_503', '忙');
      });
      await box.flush(async () => {
        throw new ApiError(429, 'RATE', '太快');
      });
      expect(box.list()[0]).toMatchObject({ status: 'pending', attempts: 2 });
    });

    it('shares one replay between concurrent triggers, so nothing is sent twice', async () => {
      const { box } = makeOutbox();
      box.enqueue({ method: 'POST', path: '/a', label: 'a' });
      const sent: QueuedCall[] = [];
      let release: () => void = () => undefined;
      const gate = new Promise<void>((r) => (release = r));
      const send = async (c: QueuedCall) => {
        await gate;
        sent.push(c);
      };
      const p1 = box.flush(send);
      const p2 = box.flush(send);
      release();
      await Promise.all([p1, p2]);
      expect(sent).toHaveLength(1);
    });

    it('retry() puts a failed call back in line', async () => {
      const { box } = makeOutbox();
      const c = box.enqueue({ method: 'POST', path: '/a', label: 'a' });
      await box.flush(async () => {
        throw toApiError(409, { code: 'X', message: '冲突' });
      });
      expect(box.pendingCount()).toBe(0);
      box.retry(c.id);
      expect(box.pendingCount()).toBe(1);
      expect(box.list()[0]?.lastError).toBeUndefined();
    });
  });

  describe('subscribe', () => {
    it('tells the UI what is waiting after each change', () => {
      const { box } = makeOutbox();
      const counts: number[] = [];
      const off = box.subscribe((items) => counts.push(items.length));
      const c = box.enqueue({ method: 'POST', path: '/a', label: 'a' });
      box.remove(c.id);
      off();
      box.enqueue({ method: 'POST', path: '/b', label: 'b' });
      expect(counts).toEqual([1, 0]);
    });
  });
});

describe('newIdempotencyKey', () => {
  it('differs between two calls in the same millisecond with the same randomness', () => {
    const a = newIdempotencyKey(1000, () => 0.5);
    const b = newIdempotencyKey(1000, () => 0.5);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^ms-[0-9a-z]+-[0-9a-z]+-[0-9a-z]+$/);
  });
});
