import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class SubmitCheckinDto {
  @ApiProperty({ description: '扫码得到的签到码' })
  @IsString({ message: '签到码必须是文字' })
  @IsNotEmpty({ message: '请扫描签到二维码' })
  @MaxLength(120, { message: '签到码无效' })
  code: string;
}

export interface CheckinCodeView {
  code: string;
  expiresAt: string;
  rotateSeconds: number;
}

export interface AttendanceView {
  id: number;
  activityId: number;
  personId: number;
  checkedInAt: string;
}

export interface CheckinResult {
  attendance: AttendanceView;
  created: boolean;
}
