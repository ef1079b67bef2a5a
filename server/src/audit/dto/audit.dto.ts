import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_KINDS } from '@master-studio/shared-rules';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/pagination';

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

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'revoke',
  'redeem',
  'open',
  'close',
  'finalize',
  'grant',
  'signin',
  'import',
  'signin_failed',
  // privacy/: consent to the notice, own-data export, correction/deletion requests, retention job
  'consent',
  'export',
  'request',
  'resolve',
  'erase',
  'anonymise',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export class AuditView {
  @ApiProperty() id: number;
  @ApiProperty({ type: Number, nullable: true, description: '失败的登录可能没有账号' }) accountId:
    number | null;
  @ApiProperty({ type: String, nullable: true, description: '写入时的操作人姓名' }) accountName:
    string | null;
  @ApiProperty({ enum: AUDIT_KINDS }) recordType: string;
  @ApiProperty() recordId: number;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: '修改前（新增时为 null）',
  })
  before: unknown;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: '修改后（删除时为 null）',
  })
  after: unknown;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true, description: '登录与登录失败时记录的 IP' }) ip:
    string | null;
  @ApiProperty({ description: '本条的 SHA-256（含前一条的哈希）' }) hash: string;
}

export class ChainBreakView {
  @ApiProperty() id: number;
  @ApiProperty({ description: '中文说明：被修改或被删除' }) reason: string;
}

/** The answer of GET /audit/verify (audit-chain.ts verifyChain). */
export class ChainReportView {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: '已核对的条数' }) checked: number;
  @ApiPropertyOptional({ type: ChainBreakView }) firstBroken?: ChainBreakView;
}
