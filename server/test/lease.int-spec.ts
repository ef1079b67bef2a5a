import { DbLease } from '../src/common/lease/db-lease';
import { RETENTION_LEASE, RetentionJob } from '../src/privacy/retention';
import { RemindersScheduler, SCAN_LEASE } from '../src/reminders/scheduler';
import { makeTenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The one database lease of scheduled work (common/lease): the reminders' round and the privacy
 * retention pass both run under it, so of several processes one does the work at a time.
 */
describe(DbLease.name, () => {
  let t: TestApp;
  let lease: DbLease;
  const at = new Date('2026-12-01T02:00:00Z');
  const later = (ms: number) => new Date(at.getTime() + ms);
  const OTHER = 'another-process';

  beforeAll(async () => {
    t = await startTestApp();
    lease = t.app.get(DbLease);
  });
  afterAll(() => t?.close());

  describe('acquire', () => {
    it('one holder at a time; the holder may renew it', async () => {
      expect(await lease.acquire('t-one', 60_000, at)).toBe(true);
      expect(await lease.acquire('t-one', 60_000, later(1000), OTHER)).toBe(false);
      expect(await lease.acquire('t-one', 60_000, later(2000))).toBe(true);
      // Renewed at +2 s for a minute: still held at +61 s.
      expect(await lease.acquire('t-one', 60_000, later(61_000), OTHER)).toBe(false);
    });

    it('an expired lease is taken over, and its old holder is then refused', async () => {
      expect(await lease.acquire('t-expiry', 10_000, at, OTHER)).toBe(true);
      expect(await lease.acquire('t-expiry', 10_000, later(5000))).toBe(false);
      expect(await lease.acquire('t-expiry', 10_000, later(10_001))).toBe(true);
      expect(await lease.acquire('t-expiry', 10_000, later(10_002), OTHER)).toBe(false);
    });
  });

  describe('release', () => {
    it("frees the holder's lease at once, and nobody else's", async () => {
      expect(await lease.acquire('t-release', 60_000, at, OTHER)).toBe(true);
      await lease.release('t-release'); // not this process's: nothing happens
      expect(await lease.acquire('t-release', 60_000, later(1000))).toBe(false);
      await lease.release('t-release', OTHER);
      expect(await lease.acquire('t-release', 60_000, later(1000))).toBe(true);
    });
  });

  describe('run', () => {
    it('runs the work holding the lease and releases it afterwards', async () => {
      let heldDuring: boolean | null = null;
      const r = await lease.run('t-run', 60_000, at, async () => {
        heldDuring = !(await lease.acquire('t-run', 60_000, at, OTHER));
        return 42;
      });
      expect(r).toEqual({ ran: true, value: 42 });
      expect(heldDuring).toBe(true);
      expect(await lease.acquire('t-run', 60_000, at, OTHER)).toBe(true);
    });

    it('does not start the work while another process holds the lease', async () => {
      expect(await lease.acquire('t-busy', 60_000, at, OTHER)).toBe(true);
      const work = jest.fn(async () => 1);
      expect(await lease.run('t-busy', 60_000, later(1000), work)).toEqual({ ran: false });
      expect(work).not.toHaveBeenCalled();
    });

    it('releases the lease when the work throws', async () => {
      await expect(
        lease.run('t-throw', 60_000, at, () => Promise.reject(new Error('boom'))),
      ).rejects.toThrow('boom');
      expect(await lease.acquire('t-throw', 60_000, at, OTHER)).toBe(true);
    });
  });

  describe('its users', () => {
    it("the reminders' round does not run while another process holds its lease", async () => {
      const round = t.app.get(RemindersScheduler);
      expect(await lease.acquire(SCAN_LEASE, 3_600_000, new Date(), OTHER)).toBe(true);
      expect(await round.tick()).toBe(false);
      await lease.release(SCAN_LEASE, OTHER);
      expect(await round.tick()).toBe(true);
    });

    it('the retention pass does not run while another process holds its lease', async () => {
      const ten = await makeTenant(t.db, '租');
      await t.db.query("UPDATE studios SET status = 'revoked' WHERE id = ?", [ten.studioId]);
      const job = t.app.get(RetentionJob);
      const ledger = async () =>
        (
          (await t.db.query('SELECT studio_id FROM privacy_retention')) as Record<string, unknown>[]
        ).map((r) => Number(r.studio_id));
      const now = new Date();
      expect(await lease.acquire(RETENTION_LEASE, 60_000, now, OTHER)).toBe(true);
      expect(await job.pass(now)).toBeNull();
      expect(await ledger()).toEqual([]);
      await lease.release(RETENTION_LEASE, OTHER);
      // First seen ended now: recorded, and kept for the retention period.
      expect(await job.pass(now)).toEqual({ studios: 0, people: 0 });
      expect(await ledger()).toEqual([ten.studioId]);
      // Released at the end of the pass: another process may run the next one.
      expect(await lease.acquire(RETENTION_LEASE, 60_000, now, OTHER)).toBe(true);
    });
  });
});
