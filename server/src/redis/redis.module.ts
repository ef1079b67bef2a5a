import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import Redis from 'ioredis';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

/**
 * The shared store of cross-request state for several replicas (issue 16): REDIS_URL, or none
 * for the single-process quick start. `client` is null without REDIS_URL; config refuses
 * REPLICAS > 1 without it (config/config.ts).
 */
@Injectable()
export class SharedStore implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis | null;
  readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = config.redis.prefix;
    this.client = config.redis.url
      ? new Redis(config.redis.url, {
          // Fail a command at once while Redis is away (answered 503) instead of queueing it.
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          lazyConnect: false,
          retryStrategy: (times) => Math.min(times * 200, 2000),
        })
      : null;
    this.client?.on('error', (e: Error) => this.logger.warn(`Redis: ${e.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    const c = this.client;
    if (!c) return;
    // QUIT waits for an answer that never comes while Redis is away; then just drop the socket.
    if (c.status === 'ready') await c.quit().catch(() => c.disconnect());
    else c.disconnect();
  }
}

@Global()
@Module({ providers: [SharedStore], exports: [SharedStore] })
export class RedisModule {}
