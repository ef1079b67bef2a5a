import { createSecretKey } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessService } from './access/access.service';
import { AchievementsController } from './achievements/achievements.controller';
import { AchievementsService } from './achievements/achievements.service';
import { ActivitiesController } from './activities/activities.controller';
import { ActivitiesService } from './activities/activities.service';
import { ApprenticesController } from './apprentices/apprentices.controller';
import { ApprenticesService } from './apprentices/apprentices.service';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { CHECKIN_THROTTLE, SIGNIN_THROTTLE } from './auth/throttle';
import { WechatClient } from './auth/wechat.client';
import { CertificatesController } from './certificates/certificates.controller';
import { CertificatesService } from './certificates/certificates.service';
import { CheckinController } from './checkin/checkin.controller';
import { CheckinLock } from './checkin/checkin-lock';
import { CheckinService } from './checkin/checkin.service';
import { DomainExceptionFilter } from './common/domain-exception.filter';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DashboardsController } from './dashboards/dashboards.controller';
import { DashboardsService } from './dashboards/dashboards.service';
import { dataSourceOptions } from './database/data-source-options';
import { ENTITIES, MIGRATIONS } from './database/entities';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsService } from './documents/documents.service';
import { ExportsModule } from './exports/exports.module';
import { FactsLoader } from './facts/facts.loader';
import { ProgressController } from './facts/progress.controller';
import { ProgressService } from './facts/progress.service';
import { FundsController } from './funds/funds.controller';
import { FundsService } from './funds/funds.service';
import { HealthController } from './health/health.controller';
import { InvitationsController } from './invitations/invitations.controller';
import { InvitationsService } from './invitations/invitations.service';
import { JudgmentsController } from './judgments/judgments.controller';
import { JudgmentsService } from './judgments/judgments.service';
import { MeController } from './me/me.controller';
import { MeService } from './me/me.service';
import { MembersController } from './members/members.controller';
import { MembersService } from './members/members.service';
import { UnitsController } from './org/units.controller';
import { UnitsService } from './org/units.service';
import { PeriodsController } from './periods/periods.controller';
import { PeriodsService } from './periods/periods.service';
import { RecordStore } from './records/record-store';
import { RulesService } from './rules/rules.service';
import { SignoffsController } from './signoffs/signoffs.controller';
import { SignoffsService } from './signoffs/signoffs.service';
import { StudiosController } from './studios/studios.controller';
import { StudiosService } from './studios/studios.service';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ExportsModule,
        TypeOrmModule.forRoot(dataSourceOptions(config.database, ENTITIES, MIGRATIONS)),
        // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a
        // PEM public key on every verify (a thrown exception per request, a large share of a
        // check-in's CPU) before falling back to an HMAC secret. Same HS256 secret, same tokens.
        JwtModule.register({ secret: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')), signOptions: { expiresIn: config.auth.jwtTtlSeconds, algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
        ThrottlerModule.forRoot([
          { name: SIGNIN_THROTTLE, ttl: 60_000, limit: config.throttle.signInPerMinute },
          { name: CHECKIN_THROTTLE, ttl: 60_000, limit: config.throttle.checkInPerMinute },
        ]),
      ],
      controllers: [
        HealthController,
        AuthController,
        MeController,
        StudiosController,
        MembersController,
        ApprenticesController,
        CertificatesController,
        ActivitiesController,
        CheckinController,
        AchievementsController,
        FundsController,
        DocumentsController,
        JudgmentsController,
        SignoffsController,
        PeriodsController,
        AuditController,
        ProgressController,
        DashboardsController,
        UnitsController,
        InvitationsController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        AccessService,
        AuditService,
        RecordStore,
        RulesService,
        WechatClient,
        AuthService,
        MeService,
        StudiosService,
        MembersService,
        ApprenticesService,
        CertificatesService,
        ActivitiesService,
        CheckinService,
        CheckinLock,
        AchievementsService,
        FundsService,
        DocumentsService,
        JudgmentsService,
        SignoffsService,
        PeriodsService,
        FactsLoader,
        ProgressService,
        DashboardsService,
        UnitsService,
        InvitationsService,
      ],
    };
  }
}
