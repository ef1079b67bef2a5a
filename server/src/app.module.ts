import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CheckinModule } from './checkin/checkin.module';
import { CommonModule } from './common/common.module';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DashboardsModule } from './dashboards/dashboards.module';
import { DatabaseModule } from './database/database.module';
import { RedisModule } from './redis/redis.module';
import { EvidenceModule } from './evidence/evidence.module';
import { ExportsModule } from './exports/exports.module';
import { ProgressModule } from './progress/progress.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { InvitationsModule } from './invitations/invitations.module';
import { JudgmentsModule } from './judgments/judgments.module';
import { ReviewModule } from './review/review.module';
import { MeModule } from './me/me.module';
import { OrgModule } from './org/org.module';
import { PeriodsModule } from './periods/periods.module';
import { PrivacyModule } from './privacy/privacy.module';
import { RecordsModule } from './records/records.module';
import { RemindersModule } from './reminders/reminders.module';
import { RolesModule } from './roles/roles.module';
import { SignoffsModule } from './signoffs/signoffs.module';
import { StudiosModule } from './studios/studios.module';

/** The whole app: the configuration, the database, and one module per feature folder. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config),
        RedisModule,
        AuthModule,
        CommonModule,
        HealthModule,
        MeModule,
        StudiosModule,
        RecordsModule,
        CheckinModule,
        JudgmentsModule,
        ReviewModule,
        SignoffsModule,
        PeriodsModule,
        AuditModule,
        ProgressModule,
        DashboardsModule,
        OrgModule,
        InvitationsModule,
        ExportsModule,
        RolesModule,
        RemindersModule,
        PrivacyModule,
        ImportsModule,
        EvidenceModule,
      ],
    };
  }
}
