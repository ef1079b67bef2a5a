import { addDays } from '@master-studio/shared-rules';
import type { DataSource } from 'typeorm';
import type { Tenant } from '../factories/world';
import { ReminderScanner } from '../../src/reminders/scanner';
import type { TestApp } from '../support/test-app';

export interface Got {
  /** The Shanghai day of the scan that created it. */
  on: string;
  role: string;
  kind: string;
  step: string;
  dueOn: string;
  subject: string;
}

/** 09:00 Asia/Shanghai on `day`. */
export const morning = (day: string): Date => new Date(`${day}T01:00:00Z`);

/** Scans once a day from `from` to `to` (inclusive) and returns what each scan created, per tenant. */
export async function driveYear(
  t: TestApp,
  tenants: Record<string, Tenant>,
  from: string,
  to: string,
): Promise<Record<string, Got[]>> {
  const scanner = t.app.get(ReminderScanner);
  const roleOf = new Map<number, [string, string]>();
  for (const [name, ten] of Object.entries(tenants))
    for (const [role, c] of Object.entries(ten.callers)) roleOf.set(c.accountId, [name, role]);
  const out: Record<string, Got[]> = Object.fromEntries(Object.keys(tenants).map((k) => [k, []]));
  let last = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    await scanner.scan(morning(day));
    last = await collect(t.db, last, day, roleOf, out);
  }
  return out;
}

async function collect(
  db: DataSource,
  after: number,
  day: string,
  roleOf: Map<number, [string, string]>,
  out: Record<string, Got[]>,
): Promise<number> {
  const rows = (await db.query(
    'SELECT id, account_id, kind, step, due_on, subject FROM reminders WHERE id > ? ORDER BY id',
    [after],
  )) as Record<string, unknown>[];
  let last = after;
  for (const r of rows) {
    last = Math.max(last, Number(r.id));
    const who = roleOf.get(Number(r.account_id));
    if (!who) continue;
    const due = r.due_on instanceof Date ? r.due_on.toISOString() : String(r.due_on);
    out[who[0]]?.push({
      on: day,
      role: who[1],
      kind: String(r.kind),
      step: String(r.step),
      dueOn: due.slice(0, 10),
      subject: String(r.subject)
        .replace(/^studio:\d+:?/, '')
        .replace(/^activity:\d+/, 'activity'),
    });
  }
  return last;
}

/** `2026-10-11 leader inactivity m9 →2027-01-10` lines, for exact comparison. */
export const lines = (got: Got[], kinds: string[]): string[] =>
  got
    .filter((g) => kinds.includes(g.kind))
    .map(
      (g) => `${g.on} ${g.role} ${g.kind}${g.subject ? `:${g.subject}` : ''} ${g.step} →${g.dueOn}`,
    );
