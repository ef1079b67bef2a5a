import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { IdPipe } from '../common/id.pipe';
import { RemindersService } from './reminders.service';
import {
  DigestView,
  InboxView,
  ReminderSettingsView,
  SaveReminderSettingsDto,
  SubscribeConsentDto,
  UnreadView,
} from './dto/reminder.dto';

@ApiTags('提醒')
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  @ApiOperation({ summary: '我的提醒（收件箱，最近 100 条）' })
  @ApiOkResponse({ type: InboxView })
  inbox(@CurrentCaller() caller: Caller) {
    return this.reminders.inbox(caller);
  }

  @Get('unread')
  @ApiOperation({ summary: '未读提醒数（首页角标）' })
  @ApiOkResponse({ type: UnreadView })
  unread(@CurrentCaller() caller: Caller) {
    return this.reminders.unread(caller);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: '全部标为已读' })
  @ApiOkResponse({ type: UnreadView })
  readAll(@CurrentCaller() caller: Caller) {
    return this.reminders.markAllRead(caller);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标为已读' })
  @ApiOkResponse({ type: UnreadView })
  read(@CurrentCaller() caller: Caller, @Param('id', new IdPipe('id')) id: number) {
    return this.reminders.markRead(caller, id);
  }

  @Get('settings')
  @ApiOperation({ summary: '提醒设置：接收哪些类型、订阅消息模板' })
  @ApiOkResponse({ type: ReminderSettingsView })
  settings(@CurrentCaller() caller: Caller) {
    return this.reminders.settings(caller);
  }

  @Put('settings')
  @ApiOperation({ summary: '保存提醒设置（关闭的类型）' })
  @ApiOkResponse({ type: ReminderSettingsView })
  saveSettings(@CurrentCaller() caller: Caller, @Body() dto: SaveReminderSettingsDto) {
    return this.reminders.saveSettings(caller, dto);
  }

  @Post('subscriptions')
  @HttpCode(200)
  @ApiOperation({ summary: '记录订阅消息授权结果（同意一次可推送一条）' })
  @ApiOkResponse({ schema: { properties: { credits: { type: 'number' } } } })
  consent(@CurrentCaller() caller: Caller, @Body() dto: SubscribeConsentDto) {
    return this.reminders.consent(caller, dto);
  }

  @Get('digest/:jurisdictionId')
  @ApiOperation({ summary: '辖区摘要：有风险的工作室与未来 30 天到期的报送' })
  @ApiOkResponse({ type: DigestView })
  digest(
    @CurrentCaller() caller: Caller,
    @Param('jurisdictionId', new IdPipe('jurisdictionId')) jurisdictionId: number,
  ) {
    return this.reminders.digest(caller, jurisdictionId);
  }
}
