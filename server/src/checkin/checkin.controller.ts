import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { type Caller, CurrentCaller } from '../auth/caller';
import { CallerThrottlerGuard, SIGNIN_THROTTLE } from '../auth/throttle';
import { validationFailed } from '../common/domain-error';
import { IdPipe, StudioId } from '../common/id.pipe';
import { AttendanceService } from './attendance.service';
import { RequestOrigin } from './checkin-link';
import { CheckinService } from './checkin.service';
import {
  ActivityRoster,
  AddAttendanceDto,
  AttendanceList,
  CheckinCodeView,
  CheckinResult,
  MissingRosterPage,
  SubmitCheckinDto,
} from './dto/checkin.dto';
import { PageQuery } from '../common/pagination';

const ActivityId = new IdPipe('activityId');

@ApiTags('签到')
@ApiBearerAuth()
@Controller()
export class CheckinController {
  constructor(
    private readonly checkin: CheckinService,
    private readonly attendanceRows: AttendanceService,
  ) {}

  @Post('studios/:studioId/activities/:activityId/checkin')
  @HttpCode(200)
  @ApiOperation({ summary: '开启签到并取得第一个签到码（领办人/成员）' })
  @ApiOkResponse({ type: CheckinCodeView })
  open(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Param('activityId', ActivityId) activityId: number,
    @RequestOrigin() origin: string,
  ) {
    return this.checkin.open(caller, studioId, activityId, origin);
  }

  @Get('studios/:studioId/activities/:activityId/checkin')
  @ApiOperation({ summary: '当前轮换的签到码与签到链接（二维码内容），定时更换（领办人/成员）' })
  @ApiOkResponse({ type: CheckinCodeView })
  current(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Param('activityId', ActivityId) activityId: number,
    @RequestOrigin() origin: string,
  ) {
    return this.checkin.current(caller, studioId, activityId, origin);
  }

  @Delete('studios/:studioId/activities/:activityId/checkin')
  @HttpCode(204)
  @ApiOperation({ summary: '关闭签到（领办人/成员）' })
  @ApiNoContentResponse()
  close(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Param('activityId', ActivityId) activityId: number,
  ): Promise<void> {
    return this.checkin.close(caller, studioId, activityId);
  }

  @Get('studios/:studioId/activities/:activityId/attendance')
  @ApiOperation({ summary: '活动签到名单（按签到时间先后），分页' })
  @ApiOkResponse({ type: AttendanceList })
  attendance(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Param('activityId', ActivityId) activityId: number,
    @Query() q: PageQuery,
  ) {
    return this.attendanceRows.attendance(caller, studioId, activityId, q);
  }

  @Get('studios/:studioId/activities/:activityId/roster')
  @ApiOperation({
    summary: '应到名单：活动当天在册的徒弟及是否已签到（未签到的在前），用于补签',
  })
  @ApiOkResponse({ type: ActivityRoster })
  roster(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Param('activityId', ActivityId) activityId: number,
  ) {
    return this.attendanceRows.roster(caller, studioId, activityId);
  }

  @Get('studios/:studioId/activities/:activityId/roster/missing')
  @ApiOperation({
    summary: '未签到名单（应到名单中尚未签到的），分页，附应到与已签到人数；用于活动页补签',
  })
  @ApiOkResponse({ type: MissingRosterPage })
  missing(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Param('activityId', ActivityId) activityId: number,
    @Query() q: PageQuery,
  ) {
    return this.attendanceRows.missing(caller, studioId, activityId, q);
  }

  @Post('studios/:studioId/activities/:activityId/attendance')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '补签（迟到、纸质签到）：领办人/成员为在册徒弟添加签到记录，标记为补签并记入审计；已签到的返回原记录（created=false）',
  })
  @ApiOkResponse({ type: CheckinResult })
  add(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Param('activityId', ActivityId) activityId: number,
    @Body() dto: AddAttendanceDto,
  ) {
    return this.attendanceRows.add(caller, studioId, activityId, dto.personId);
  }

  @Post('checkins')
  @HttpCode(200)
  @UseGuards(CallerThrottlerGuard)
  @SkipThrottle({ [SIGNIN_THROTTLE]: true })
  @ApiOperation({
    summary:
      '徒弟签到：扫码得到的 code，或输入6位数字 shortCode（二选一）；重复提交返回同一条签到记录（created=false）',
  })
  @ApiOkResponse({ type: CheckinResult })
  submit(@CurrentCaller() caller: Caller, @Body() dto: SubmitCheckinDto) {
    if (dto.shortCode === undefined && dto.code === undefined)
      throw validationFailed({ code: '请扫描签到二维码，或输入6位数字签到码' });
    if (dto.shortCode !== undefined && dto.code !== undefined)
      throw validationFailed({ shortCode: '扫码签到码与6位数字签到码只能填写一个' });
    return dto.shortCode !== undefined
      ? this.checkin.submitShort(caller, dto.shortCode)
      : this.checkin.submit(caller, dto.code as string);
  }
}
