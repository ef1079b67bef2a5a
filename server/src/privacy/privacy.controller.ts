import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { ListOf } from '../common/api-response';
import { RecordId, StudioId } from '../common/id.pipe';
import {
  ConsentDto,
  CorrectionDto,
  DeletionDto,
  DeletionView,
  PrivacyExportView,
  PrivacyRequestView,
  PrivacyStatusView,
  ResolveDto,
} from './dto/privacy.dto';
import { PrivacyService } from './privacy.service';

@ApiTags('个人信息')
@ApiBearerAuth()
@Controller()
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get('privacy/status')
  @ApiOperation({ summary: '隐私保护指引的当前版本及我是否已同意' })
  @ApiOkResponse({ type: PrivacyStatusView })
  status(@CurrentCaller() caller: Caller) {
    return this.privacy.status(caller);
  }

  @Post('privacy/consent')
  @HttpCode(200)
  @ApiOperation({ summary: '同意隐私保护指引（记录版本，记入审计日志）' })
  @ApiOkResponse({ type: PrivacyStatusView })
  consent(@CurrentCaller() caller: Caller, @Body() dto: ConsentDto) {
    return this.privacy.consent(caller, dto);
  }

  @Get('privacy/export')
  @ApiOperation({ summary: '导出我的个人信息（JSON：账号、角色、签到、证书等），记入审计日志' })
  @ApiOkResponse({ type: PrivacyExportView })
  export(@CurrentCaller() caller: Caller) {
    return this.privacy.export(caller);
  }

  @Get('privacy/requests')
  @ApiOperation({ summary: '我提出的更正、删除请求' })
  @ApiOkResponse({ type: ListOf(PrivacyRequestView) })
  mine(@CurrentCaller() caller: Caller) {
    return this.privacy.myRequests(caller);
  }

  @Post('privacy/corrections')
  @ApiOperation({ summary: '申请更正个人信息（交所在工作室领办人处理），记入审计日志' })
  @ApiOkResponse({ type: PrivacyRequestView })
  correction(@CurrentCaller() caller: Caller, @Body() dto: CorrectionDto) {
    return this.privacy.requestCorrection(caller, dto);
  }

  @Post('privacy/deletion')
  @HttpCode(200)
  @ApiOperation({
    summary: '删除我的个人信息：删除或匿名化已定稿考核不需要的内容，返回保留的内容及原因',
  })
  @ApiOkResponse({ type: DeletionView })
  deletion(@CurrentCaller() caller: Caller, @Body() _dto: DeletionDto) {
    return this.privacy.requestDeletion(caller);
  }

  @Get('studios/:studioId/privacy-requests')
  @ApiOperation({ summary: '本工作室人员的信息更正请求（领办人）' })
  @ApiOkResponse({ type: ListOf(PrivacyRequestView) })
  studioRequests(@CurrentCaller() caller: Caller, @Param('studioId', StudioId) studioId: number) {
    return this.privacy.studioRequests(caller, studioId);
  }

  @Post('studios/:studioId/privacy-requests/:id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: '处理信息更正请求（领办人更正档案后填写处理结果）' })
  @ApiOkResponse({ type: PrivacyRequestView })
  resolve(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Param('id', RecordId) id: number,
    @Body() dto: ResolveDto,
  ) {
    return this.privacy.resolve(caller, studioId, id, dto.resolution);
  }
}
