import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { AsOfQuery } from '../common/date-range';
import { StudioId } from '../common/id.pipe';
import { PeriodsService } from './periods.service';
import { Idempotent } from '../common/idempotency';
import { PeriodView } from './dto/period.dto';
import { ListOf } from '../common/api-response';

@ApiTags('评审')
@ApiBearerAuth()
@Controller('studios/:studioId/periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @Get()
  @ApiOperation({ summary: '已定稿的考核期间' })
  @ApiOkResponse({ type: ListOf(PeriodView) })
  list(@CurrentCaller() caller: Caller, @Param('studioId', StudioId) studioId: number) {
    return this.periods.list(caller, studioId);
  }

  @Idempotent()
  @Post(':periodKey/finalize')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '定稿考核期间（人社局评审）：current（按政策取 asOf 所在周期）、2025、或 2024-03-01_2026-02-28；期间内记录变为只读',
  })
  @ApiOkResponse({ type: PeriodView })
  finalize(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Param('periodKey') key: string,
    @Query() q: AsOfQuery,
  ) {
    return this.periods.finalize(caller, studioId, key, q.asOf);
  }
}
