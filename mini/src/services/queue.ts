import { ApiError } from './errors';

/** The small part of Taro's storage the queue needs (injected, so tests run without Taro). */
export interface KeyValueStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

export type QueuedMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface QueuedCall {
  /** Also the Idempotency-Key: every retry of this call carries the same one. */
  id: string;
  method: QueuedMethod;
  path: string;
  body?: unknown;
  /** What the user sees in the "waiting to be sent" list, in Chinese. */
  label: string;
  createdAt: string;
  attempts: number;
  status: 'pending' | 'failed';
  lastError?: string;
}

export interface FlushResult {
  sent: number;
  failed: number;
  remaining: number;
}

export type Sender = (call: QueuedCall) => Promise<unknown>;

const STORAGE_KEY = 'ms.outbox';

/** A replayed DELETE answered 404: the record is gone, which is what the call wanted. */
export function alreadyDone(call: Pick<QueuedCall, 'method'>, err: unknown): boolean {
  return call.method === 'DELETE' && err instanceof ApiError && err.status === 404;
}

let counter = 0;
/** A unique id without crypto (not every mini-program base library has it). */
export function newIdempotencyKey(
  now: number = Date.now(),
  rand: () => number = Math.random,
): string {
  counter = (counter + 1) % 0x10000;
  const r = Math.floor(rand() * 0x1000000000)
    .toString(36)
    .padStart(7, '0');
  return `ms-${now.toString(36)}-${counter.toString(36)}-${r}`;
}

/**
 * Calls made without network wait here, persisted, and are replayed in order
 * when the network returns. A call the server refuses (4xx other than 408/429)
 * is kept as "failed" for the user to see, not retried forever; network errors
 * and 5xx stop the replay and leave the rest for the next attempt.
 */
export class Outbox {
  private items: QueuedCall[];
  private listeners = new Set<(items: readonly QueuedCall[]) => void>();
  private flushing: Promise<FlushResult> | null = null;

  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: () => Date = () => new Date(),
    private readonly makeId: () => string = () => newIdempotencyKey(),
  ) {
    this.items = Outbox.load(store);
  }

  private static load(store: KeyValueStore): QueuedCall[] {
    const raw = store.get(STORAGE_KEY);
    if (!raw) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed)
        ? (parsed as QueuedCall[]).filter((c) => c && typeof c.id === 'string')
        : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    this.store.set(STORAGE_KEY, JSON.stringify(this.items));
    const snapshot = this.list();
    this.listeners.forEach((l) => l(snapshot));
  }

  list(): readonly QueuedCall[] {
    return this.items.map((c) => ({ ...c }));
  }

  pendingCount(): number {
    return this.items.filter((c) => c.status === 'pending').length;
  }

  subscribe(listener: (items: readonly QueuedCall[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  enqueue(call: {
    method: QueuedMethod;
    path: string;
    body?: unknown;
    label: string;
    id?: string;
  }): QueuedCall {
    const id = call.id ?? this.makeId();
    const existing = this.items.find((c) => c.id === id);
    if (existing) return { ...existing };
    const item: QueuedCall = {
      id,
      method: call.method,
      path: call.path,
      body: call.body,
      label: call.label,
      createdAt: this.clock().toISOString(),
      attempts: 0,
      status: 'pending',
    };
    this.items.push(item);
    this.save();
    return { ...item };
  }

  remove(id: string): void {
    const before = this.items.length;
    this.items = this.items.filter((c) => c.id !== id);
    if (this.items.length !== before) this.save();
  }

  /** Puts a failed call back in line (the user tapped "重试"). */
  retry(id: string): void {
    const item = this.items.find((c) => c.id === id);
    if (item && item.status === 'failed') {
      item.status = 'pending';
      delete item.lastError;
      this.save();
    }
  }

  /** Replays pending calls in order; concurrent calls share one replay. */
  flush(send: Sender): Promise<FlushResult> {
    if (!this.flushing) {
      this.flushing = this.doFlush(send).finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  private async doFlush(send: Sender): Promise<FlushResult> {
    let sent = 0;
    let failed = 0;
    for (const item of [...this.items]) {
      if (item.status !== 'pending') continue;
      item.attempts += 1;
      try {
        await send(item);
        this.items = this.items.filter((c) => c.id !== item.id);
        sent += 1;
        this.save();
      } catch (err) {
        if (alreadyDone(item, err)) {
          // A DELETE whose record is already gone did what it was queued for
          // (an earlier attempt went through, or someone else deleted it).
          this.items = this.items.filter((c) => c.id !== item.id);
          sent += 1;
          this.save();
          continue;
        }
        const retryable =
          !(err instanceof ApiError) ||
          err.isNetwork ||
          err.status >= 500 ||
          err.status === 408 ||
          err.status === 429;
        item.lastError = err instanceof Error ? err.message : String(err);
        if (retryable) {
          this.save();
          break;
        }
        item.status = 'failed';
        failed += 1;
        this.save();
      }
    }
    return { sent, failed, remaining: this.pendingCount() };
  }
}
