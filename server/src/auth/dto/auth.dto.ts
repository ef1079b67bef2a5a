import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class WechatSignInDto {
  @ApiProperty({ description: 'wx.login() 返回的 code' })
  @IsString({ message: '登录凭证 code 必须是字符串' })
  @IsNotEmpty({ message: '缺少登录凭证 code' })
  @MaxLength(128, { message: '登录凭证 code 过长' })
  code: string;
}

export class DemoSignInDto {
  @ApiProperty({ example: 'leader', description: '演示账号用户名（GET /auth/demo-accounts 列出）' })
  @IsString({ message: '用户名必须是字符串' })
  @IsNotEmpty({ message: '请填写用户名' })
  @MaxLength(60, { message: '用户名过长' })
  username: string;
}

export interface RoleView {
  role: string;
  studioId?: number;
  studioName?: string;
  unitId?: number;
  unitName?: string;
  jurisdictionId?: number;
  jurisdictionName?: string;
  apprenticeId?: number;
}

export interface MeView {
  account: { id: number; name: string; personId: number | null };
  roles: RoleView[];
}

export interface SignInView extends MeView {
  accessToken: string;
  expiresIn: number;
}
