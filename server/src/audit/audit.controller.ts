import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { PageOf } from '../common/api-response';
import { StudioId } from '../common/id.pipe';
import { AuditService } from './audit.service';
import { AuditView, ListAuditQuery } from './dto/audit.dto';

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
