import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AccessModule } from '../access/access.module';
import { LeaseModule } from '../common/lease/lease.module';
import { ProgressModule } from '../progress/progress.module';
import { RulesModule } from '../rules/rules.module';
import { Clock } from './clock';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';
import { ReminderScanner } from './scanner';
import { RemindersScheduler } from './scheduler';
import { AccessTokenStore } from './wechat/access-token.store';
import { PushDispatcher } from './wechat/push.dispatcher';
import { SubscribeClient } from './wechat/subscribe.client';

/**
 * Reminders (issue 14): the scan (what shared-rules says is due, to whom), the inbox of every
 * role, and WeChat subscribe messages; scheduled under a database lease.
 */
@Module({
  imports: [ScheduleModule.forRoot(), AccessModule, LeaseModule, ProgressModule, RulesModule],
  controllers: [RemindersController],
  providers: [
    Clock,
    ReminderScanner,
    RemindersService,
    RemindersScheduler,
    AccessTokenStore,
    SubscribeClient,
    PushDispatcher,
  ],
  exports: [ReminderScanner, RemindersScheduler, AccessTokenStore, Clock],
})
export class RemindersModule {}
