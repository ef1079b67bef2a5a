import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import { DATE } from '../../common/api-response';
import { REMINDER_KINDS } from '../reminder-kinds';

/** One reminder in the caller's inbox. */
export class ReminderView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: REMINDER_KINDS }) kind: string;
  @ApiProperty({ description: '提醒分级：d30/d7/d1/overdue、m9/m11、at_risk/behind…' })
  step: string;
  @ApiProperty({ nullable: true, type: Number }) studioId: number | null;
  @ApiProperty({ nullable: true, type: String, description: '工作室名称' }) studioName:
    string | null;
  @ApiProperty({ description: '要做什么' }) title: string;
  @ApiProperty({ description: '说明（摘要可多行）' }) body: string;
  @ApiProperty({ ...DATE, description: '截止日期（摘要为所在周的周一）' }) dueOn: string;
  @ApiProperty({ description: '点开后打开的小程序页面' }) route: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() read: boolean;
}

export class InboxView {
  @ApiProperty() unread: number;
  @ApiProperty({ type: [ReminderView] }) items: ReminderView[];
}

export class UnreadView {
  @ApiProperty() unread: number;
}

export class ReminderKindSetting {
  @ApiProperty({ enum: REMINDER_KINDS }) kind: string;
  @ApiProperty() label: string;
  @ApiProperty() enabled: boolean;
}

export class ReminderSettingsView {
  @ApiProperty({ type: [ReminderKindSetting] }) kinds: ReminderKindSetting[];
  @ApiProperty({
    type: [String],
    description: '订阅消息模板 id（服务器配置），小程序以此调用 requestSubscribeMessage',
  })
  templateIds: string[];
}

export class SaveReminderSettingsDto {
  @ApiProperty({ enum: REMINDER_KINDS, isArray: true, description: '不再接收的提醒类型' })
  @IsArray({ message: '关闭的提醒类型须为列表' })
  @ArrayMaxSize(REMINDER_KINDS.length, { message: '提醒类型过多' })
  @IsIn(REMINDER_KINDS, { each: true, message: '提醒类型不存在' })
  muted: string[];
}

export class SubscribeConsentDto {
  @ApiProperty({ description: '订阅消息模板 id' })
  @IsString({ message: '模板 id 须为文本' })
  @MaxLength(64, { message: '模板 id 过长' })
  templateId: string;

  @ApiProperty({ description: '用户是否同意（requestSubscribeMessage 返回 accept）' })
  @IsBoolean({ message: '是否同意须为 true 或 false' })
  accepted: boolean;
}

export class DigestStudioView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() unitName: string;
  @ApiProperty() risk: number;
  @ApiProperty({ type: [String] }) why: string[];
}

export class DigestDeadlineView {
  @ApiProperty() studioId: number;
  @ApiProperty() name: string;
  @ApiProperty() label: string;
  @ApiProperty(DATE) dueOn: string;
}

export class DigestView {
  @ApiProperty(DATE) asOf: string;
  @ApiProperty({ type: [DigestStudioView] }) atRisk: DigestStudioView[];
  @ApiProperty({ type: [DigestDeadlineView] }) deadlines: DigestDeadlineView[];
}
