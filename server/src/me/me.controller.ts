import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { AsOfQuery } from '../common/date-range';
import { PageQuery } from '../common/pagination';
import { AuthService } from '../auth/auth.service';
import { MeView } from '../auth/dto/auth.dto';
import { MeService } from './me.service';
import { MyAttendanceView, MyCertificateView, MyProgressView } from './dto/me.dto';
import { PageOf } from '../common/api-response';

@ApiTags('我的')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly me: MeService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @ApiOperation({ summary: '当前账号及其全部角色' })
  @ApiOkResponse({ type: MeView })
  account(@CurrentCaller() caller: Caller): Promise<MeView> {
    return this.auth.me(caller);
  }

  @Get('attendance')
  @ApiOperation({ summary: '我的签到记录' })
  @ApiOkResponse({ type: PageOf(MyAttendanceView) })
  attendance(@CurrentCaller() caller: Caller, @Query() q: PageQuery) {
    return this.me.attendance(caller, q);
  }

  @Get('certificates')
  @ApiOperation({ summary: '我的技能证书' })
  @ApiOkResponse({ type: PageOf(MyCertificateView) })
  certificates(@CurrentCaller() caller: Caller, @Query() q: PageQuery) {
    return this.me.certificates(caller, q);
  }

  @Get('progress')
  @ApiOperation({ summary: '我的学习进度（本年参加人次、证书）' })
  @ApiOkResponse({ type: MyProgressView })
  progress(@CurrentCaller() caller: Caller, @Query() q: AsOfQuery) {
    return this.me.progress(caller, q.asOf);
  }
}
