import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { AsOfQuery } from '../common/date-range';
import { StudioId } from '../common/id.pipe';
import { ProgressQuery } from './progress-query';
import { ProgressService } from './progress.service';
import { SHARED_RULES_OBJECT } from './dto/progress.dto';

@ApiTags('进度与考核')
@ApiBearerAuth()
@Controller('studios/:studioId')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Get('facts')
  @ApiOperation({ summary: '由档案生成的 shared-rules Facts（供小程序离线预览）' })
  @ApiOkResponse({ schema: SHARED_RULES_OBJECT('Facts', '工作室档案') })
  facts(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) id: number,
    @Query() q: AsOfQuery,
  ) {
    return this.progress.facts(caller, id, q.asOf);
  }

  @Get('progress')
  @ApiOperation({
    summary:
      '目标进度、截止事项与提示（shared-rules evaluate；默认各目标只带计入/未计入的条数，explain 取得记录明细）',
  })
  @ApiOkResponse({
    schema: SHARED_RULES_OBJECT(
      'Progress',
      '目标进度；不传 explain 时各目标的记录清单换成条数（countedCount、excludedCount、excludedByReason）',
    ),
  })
  evaluate(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) id: number,
    @Query() q: ProgressQuery,
  ) {
    return this.progress.progress(caller, id, q.asOf, q.explain);
  }

  @Get('assessment')
  @ApiOperation({ summary: '考核评分表（shared-rules score，含说明）' })
  @ApiOkResponse({ schema: SHARED_RULES_OBJECT('AssessmentSheet', '考核评分表') })
  assessment(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) id: number,
    @Query() q: AsOfQuery,
  ) {
    return this.progress.assessment(caller, id, q.asOf);
  }
}
