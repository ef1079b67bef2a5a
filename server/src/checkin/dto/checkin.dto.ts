import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Matches, MaxLength, Min, ValidateIf } from 'class-validator';

/** Either the scanned token (`code`) or the 6 digits shown under the QR (`shortCode`), not both. */
export class SubmitCheckinDto {
  @ApiPropertyOptional({ description: '扫码得到的签到码（二维码内容）；与 shortCode 二选一' })
  @ValidateIf((o: SubmitCheckinDto) => o.code !== undefined)
  @IsString({ message: '签到码必须是文字' })
  @IsNotEmpty({ message: '请扫描签到二维码，或输入6位数字签到码' })
  @MaxLength(120, { message: '签到码无效' })
  code?: string;

  @ApiPropertyOptional({
    description: '领办人屏幕上的6位数字签到码；与 code 二选一',
    example: '483920',
  })
  @ValidateIf((o: SubmitCheckinDto) => o.shortCode !== undefined)
  @IsString({ message: '6位签到码必须是文字（数字字符串）' })
  @Matches(/^\d{6}$/, { message: '签到码应为6位数字' })
  shortCode?: string;
}

export class CheckinCodeView {
  @ApiProperty({ description: '二维码内容' }) code: string;
  /** The 6 digits to type on the browser, rotating with the code. */
  @ApiProperty({ description: '6位数字签到码，随二维码轮换' }) shortCode: string;
  /** What the QR encodes: `<PUBLIC_BASE_URL>/c/<shortCode>`, for WeChat's scanner and any phone camera. */
  @ApiProperty({ description: '签到链接（二维码内容）：微信扫一扫或手机相机打开' }) link: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty() rotateSeconds: number;
}

export class AttendanceView {
  @ApiProperty() id: number;
  @ApiProperty() activityId: number;
  @ApiProperty() personId: number;
  @ApiProperty({ format: 'date-time' }) checkedInAt: string;
  @ApiProperty({
    enum: ['scan', 'leader'],
    description: 'scan：徒弟扫码/输码签到；leader：领办人或成员补签（迟到、纸质签到）',
  })
  source: 'scan' | 'leader';
}

export class CheckinResult {
  @ApiProperty({ type: AttendanceView }) attendance: AttendanceView;
  @ApiProperty({ description: 'false：已签到过，返回原来的签到记录' }) created: boolean;
}

export class AttendeeView extends AttendanceView {
  @ApiProperty() name: string;
}

export class AttendanceList {
  @ApiProperty({ type: [AttendeeView] }) items: AttendeeView[];
  @ApiProperty({ description: '已签到人数（全部，不只本页）' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/** The leader's late or paper sign-in for one person on the studio's roster. */
export class AddAttendanceDto {
  @ApiProperty({ description: '补签的人员（本工作室徒弟）的 personId' })
  @IsInt({ message: '请选择要补签的人员' })
  @Min(1, { message: '请选择要补签的人员' })
  personId: number;
}

export class RosterEntry {
  @ApiProperty() personId: number;
  @ApiProperty() name: string;
  @ApiProperty({ description: '是否已签到（含补签）' }) checkedIn: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedInAt: string | null;
  @ApiProperty({ enum: ['scan', 'leader'], nullable: true, type: String })
  source: 'scan' | 'leader' | null;
}

export class ActivityRoster {
  @ApiProperty({
    type: [RosterEntry],
    description: '应到名单：活动当天在册的徒弟（入室不晚于活动日、未在活动日前出室），未签到的在前',
  })
  items: RosterEntry[];
  @ApiProperty({ description: '应到人数' }) total: number;
  @ApiProperty({ description: '已签到人数（含补签）' }) checkedIn: number;
}

/** A page of those on the roster who have not checked in, with the whole roster's counts. */
export class MissingRosterPage {
  @ApiProperty({ type: [RosterEntry], description: '未签到的在册徒弟，按姓名排序' })
  items: RosterEntry[];
  @ApiProperty({ description: '未签到人数' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: '应到人数' }) expected: number;
  @ApiProperty({ description: '已签到人数（含补签）' }) checkedIn: number;
}
