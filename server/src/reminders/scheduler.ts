import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { Clock } from './clock';
import { DbLease } from '../common/lease/db-lease';
import { ReminderScanner } from './scanner';
import { PushDispatcher } from './wechat/push.dispatcher';

export const SCAN_LEASE = 'reminders-scan';

/**
 * Runs the scan and the push every REMINDERS_INTERVAL (registered with @nestjs/schedule's
 * registry) when REMINDERS_SCHEDULE is on. Several processes may run it: only the one holding
 * the database lease works; the unique key and the row claim cover a lease that lapses mid-run.
 */
@Injectable()
export class RemindersScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Reminders');
  private running = false;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly lease: DbLease,
    private readonly scanner: ReminderScanner,
    private readonly push: PushDispatcher,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.reminders.schedule) return;
    const every = this.config.reminders.intervalSeconds * 1000;
    this.registry.addInterval(
      SCAN_LEASE,
      setInterval(() => void this.tick(), every),
    );
  }

  onApplicationShutdown(): void {
    if (this.registry.doesExist('interval', SCAN_LEASE)) this.registry.deleteInterval(SCAN_LEASE);
  }

  /** One round: scan and push under the lease. false when another process holds it. */
  async tick(): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    const now = this.clock.now();
    try {
      const ttl = Math.max(60_000, this.config.reminders.intervalSeconds * 1000);
      const round = await this.lease.run(SCAN_LEASE, ttl, now, async () => {
        await this.scanner.scan(now);
        await this.push.dispatch(now);
      });
      return round.ran;
    } catch (e) {
      this.log.error(`reminder scan failed: ${e instanceof Error ? e.stack : e}`);
      return false;
    } finally {
      this.running = false;
    }
  }
}
