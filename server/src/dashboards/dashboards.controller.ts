import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { IdPipe } from '../common/id.pipe';
import { DashboardsService } from './dashboards.service';
import { DashboardView } from './dto/dashboard.dto';
import { DashboardQuery } from './dto/dashboard-query.dto';

@ApiTags('看板')
@ApiBearerAuth()
@Controller('dashboards')
export class DashboardsController {
  constructor(private readonly dashboards: DashboardsService) {}

  @Get('unit/:unitId')
  @ApiOperation({
    summary: '单位看板：本单位各工作室目标进度，风险高的在前（单位联系人、辖区评审）',
  })
  @ApiOkResponse({ type: DashboardView })
  unit(
    @CurrentCaller() caller: Caller,
    @Param('unitId', new IdPipe('unitId')) unitId: number,
    @Query() q: DashboardQuery,
  ) {
    return this.dashboards.unit(caller, unitId, q);
  }

  @Get('jurisdiction/:jurisdictionId')
  @ApiOperation({ summary: '辖区看板：辖区内全部工作室目标进度，风险高的在前（人社局评审）' })
  @ApiOkResponse({ type: DashboardView })
  jurisdiction(
    @CurrentCaller() caller: Caller,
    @Param('jurisdictionId', new IdPipe('jurisdictionId')) jid: number,
    @Query() q: DashboardQuery,
  ) {
    return this.dashboards.jurisdiction(caller, jid, q);
  }
}
