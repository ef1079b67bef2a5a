import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { StudioId } from '../common/id.pipe';
import { JudgmentView, PutJudgmentDto } from './dto/judgment.dto';
import { JudgmentsService } from './judgments.service';
import { ListOf } from '../common/api-response';

@ApiTags('评审')
@ApiBearerAuth()
@Controller('studios/:studioId/judgments')
export class JudgmentsController {
  constructor(private readonly judgments: JudgmentsService) {}

  @Get()
  @ApiOperation({ summary: '评审打分列表' })
  @ApiOkResponse({ type: ListOf(JudgmentView) })
  list(@CurrentCaller() caller: Caller, @Param('studioId', StudioId) studioId: number) {
    return this.judgments.list(caller, studioId);
  }

  @Put(':itemId')
  @ApiOperation({ summary: '为评审项目打分（人社局评审，如 U10、G6）' })
  @ApiOkResponse({ type: JudgmentView })
  put(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Param('itemId') itemId: string,
    @Body() dto: PutJudgmentDto,
  ) {
    return this.judgments.put(caller, studioId, itemId, dto);
  }
}
