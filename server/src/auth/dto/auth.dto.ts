import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { type Role, ROLES } from '../../accounts/role-membership.entity';

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

export class RoleView {
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiPropertyOptional() studioId?: number;
  @ApiPropertyOptional() studioName?: string;
  @ApiPropertyOptional() unitId?: number;
  @ApiPropertyOptional() unitName?: string;
  @ApiPropertyOptional() jurisdictionId?: number;
  @ApiPropertyOptional() jurisdictionName?: string;
  @ApiPropertyOptional() apprenticeId?: number;
}

export class AccountView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ type: Number, nullable: true, description: '关联的人员（领办人、成员、学徒）' })
  personId: number | null;
}

export class MeView {
  @ApiProperty({ type: AccountView }) account: AccountView;
  @ApiProperty({ type: [RoleView] }) roles: RoleView[];
}

export class SignInView extends MeView {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: '令牌有效期（秒）' }) expiresIn: number;
}

export class DemoAccountView {
  @ApiProperty() username: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [RoleView] }) roles: RoleView[];
}
