import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { PageOf } from '../common/api-response';
import { StudioId } from '../common/id.pipe';
import { AuditService } from './audit.service';
import { AuditView, ChainReportView, ListAuditQuery } from './dto/audit.dto';

@ApiTags('审计')
@ApiBearerAuth()
@Controller('audit')
export class AuditChainController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @ApiOperation({ summary: '校验审计链（评审）：逐条核对哈希，指出第一条被改动或删除的记录' })
  @ApiOkResponse({ type: ChainReportView })
  verify(@CurrentCaller() caller: Caller): Promise<ChainReportView> {
    return this.audit.verify(caller);
  }
}

/** Read-only: nothing in the API changes or deletes an audit entry. */
@ApiTags('审计')
@ApiBearerAuth()
@Controller('studios/:studioId/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: '修改记录：谁、何时、改前改后' })
  @ApiOkResponse({ type: PageOf(AuditView) })
  list(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Query() q: ListAuditQuery,
  ) {
    return this.audit.list(caller, studioId, q);
  }
}
