import { Body, Controller, Get, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { type Caller, CurrentCaller, Public } from './caller';
import { AuthService } from './auth.service';
import { RedeemInvitationDto } from '../invitations/dto/invitation.dto';
import { InvitationsService } from '../invitations/invitations.service';
import { DemoAccountView, DemoSignInDto, SignInView, WechatSignInDto } from './dto/auth.dto';
import { CallerThrottlerGuard, CHECKIN_THROTTLE } from './throttle';
import { ListOf } from '../common/api-response';

@ApiTags('登录与角色')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly invitations: InvitationsService,
  ) {}

  @Public()
  @UseGuards(CallerThrottlerGuard)
  @SkipThrottle({ [CHECKIN_THROTTLE]: true })
  @Post('auth/wechat')
  @HttpCode(200)
  @ApiOperation({ summary: '微信登录：用 wx.login 的 code 换取访问令牌' })
  @ApiOkResponse({ type: SignInView })
  wechat(@Body() dto: WechatSignInDto, @Ip() ip: string): Promise<SignInView> {
    return this.auth.signInWithWechat(dto.code, ip);
  }

  @Public()
  @UseGuards(CallerThrottlerGuard)
  @SkipThrottle({ [CHECKIN_THROTTLE]: true })
  @Post('auth/demo')
  @HttpCode(200)
  @ApiOperation({ summary: '演示登录（仅 DEMO_LOGIN=true 时可用，否则 404）' })
  @ApiOkResponse({ type: SignInView })
  demo(@Body() dto: DemoSignInDto, @Ip() ip: string): Promise<SignInView> {
    return this.auth.signInDemo(dto.username, ip);
  }

  @Public()
  @Get('auth/demo-accounts')
  @ApiOperation({ summary: '演示账号列表（仅 DEMO_LOGIN=true 时可用，否则 404）' })
  @ApiOkResponse({ type: ListOf(DemoAccountView) })
  demoAccounts(): ReturnType<AuthService['demoAccounts']> {
    return this.auth.demoAccounts();
  }

  @ApiBearerAuth()
  @UseGuards(CallerThrottlerGuard)
  @SkipThrottle({ [CHECKIN_THROTTLE]: true })
  @Post('auth/redeem')
  @HttpCode(200)
  @ApiOperation({ summary: '用邀请码加入：获得对应角色，返回新的访问令牌（与登录相同的结构）' })
  @ApiOkResponse({ type: SignInView })
  async redeem(
    @CurrentCaller() caller: Caller,
    @Body() dto: RedeemInvitationDto,
  ): Promise<SignInView> {
    await this.invitations.redeem(caller, dto.code);
    return this.auth.reissue(caller.accountId);
  }
}
