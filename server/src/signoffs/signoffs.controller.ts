import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { StudioId } from '../common/id.pipe';
import { PageQuery } from '../common/pagination';
import { CreateSignoffDto, SignoffResult, SignoffView } from './dto/signoff.dto';
import { SignoffsService } from './signoffs.service';
import { Idempotent } from '../common/idempotency';
import { PageOf } from '../common/api-response';

@ApiTags('单位审核')
@ApiBearerAuth()
@Controller('studios/:studioId/signoffs')
export class SignoffsController {
  constructor(private readonly signoffs: SignoffsService) {}

  @Get()
  @ApiOperation({ summary: '单位审核确认记录' })
  @ApiOkResponse({ type: PageOf(SignoffView) })
  list(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Query() q: PageQuery,
  ) {
    return this.signoffs.list(caller, studioId, q);
  }

  @Idempotent()
  @Post()
  @ApiOperation({ summary: '单位联系人审核确认一条记录（重复提交返回同一条）' })
  @ApiCreatedResponse({ type: SignoffResult })
  create(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Body() dto: CreateSignoffDto,
  ) {
    return this.signoffs.create(caller, studioId, dto);
  }
}
