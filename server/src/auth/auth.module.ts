import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { RedisThrottlerStorage } from '../redis/redis-throttler-storage';
import { SharedStore } from '../redis/redis.module';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { InvitationsModule } from '../invitations/invitations.module';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { CHECKIN_THROTTLE, SIGNIN_THROTTLE } from './throttle';
import { WechatClient } from './wechat.client';

/** Sign-in, redeeming an invitation code, tokens, the global AuthGuard and the rate limits (ThrottlerModule is global). */
@Module({
  imports: [
    AccessModule,
    AuditModule,
    InvitationsModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a
      // PEM public key on every verify (a thrown exception per request, a large share of a
      // check-in's CPU) before falling back to an HMAC secret. Same HS256 secret, same tokens.
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')),
        signOptions: { expiresIn: config.auth.jwtTtlSeconds, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    // Counted in Redis when REDIS_URL is set (every replica shares the count), else in memory.
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, SharedStore],
      useFactory: (config: AppConfig, shared: SharedStore) => ({
        throttlers: [
          { name: SIGNIN_THROTTLE, ttl: 60_000, limit: config.throttle.signInPerMinute },
          { name: CHECKIN_THROTTLE, ttl: 60_000, limit: config.throttle.checkInPerMinute },
        ],
        ...(shared.client
          ? { storage: new RedisThrottlerStorage(shared.client, shared.prefix) }
          : {}),
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }, WechatClient, AuthService],
  exports: [AuthService],
})
export class AuthModule {}
