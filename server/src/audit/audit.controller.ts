import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { AUDIT_KINDS } from '@master-studio/shared-rules';
import { IsIn, IsInt, IsOptional } from 'class-validator';
import { type Caller, CurrentCaller } from '../auth/caller';
import { StudioId } from '../common/id.pipe';
import { PageQuery } from '../common/pagination';
import type { ChainReport } from './audit-chain';
import { AuditService } from './audit.service';

export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AUDIT_KINDS })
  @IsOptional()
  @IsIn(AUDIT_KINDS, { message: `记录类型应为以下之一：${AUDIT_KINDS.join('、')}` })
  recordType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '记录编号必须是整数' })
  recordId?: number;
}

@ApiTags('审计')
@ApiBearerAuth()
@Controller('audit')
export class AuditChainController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @ApiOperation({ summary: '校验审计链（评审）：逐条核对哈希，指出第一条被改动或删除的记录' })
  verify(@CurrentCaller() caller: Caller): Promise<ChainReport> {
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
  list(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Query() q: ListAuditQuery,
  ) {
    return this.audit.list(caller, studioId, q);
  }
}
