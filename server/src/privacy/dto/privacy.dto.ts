import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';
import { PRIVACY_NOTICE_VERSION } from '@master-studio/shared-rules';
import { TEXT_OR_NULL } from '../../common/api-response';

export class PrivacyStatusView {
  @ApiProperty({ description: '当前隐私保护指引版本' }) version: string;
  @ApiProperty({ ...TEXT_OR_NULL, description: '本账号同意过的最新版本' }) consentedVersion:
    string | null;
  @ApiProperty({ ...TEXT_OR_NULL, format: 'date-time' }) consentedAt: string | null;
  @ApiProperty({ description: '需要（再次）阅读并同意' }) needsConsent: boolean;
}

export class ConsentDto {
  @ApiProperty({ example: PRIVACY_NOTICE_VERSION, description: '所同意的指引版本（须为当前版本）' })
  @IsString({ message: '版本必须是文字' })
  @Equals(PRIVACY_NOTICE_VERSION, { message: '隐私保护指引已更新，请重新阅读后再同意' })
  version: string;

  @ApiProperty({ enum: ['weapp', 'h5'] })
  @IsIn(['weapp', 'h5'], { message: '渠道应为 weapp 或 h5' })
  channel: 'weapp' | 'h5';
}

export class CorrectionDto {
  @ApiPropertyOptional({ description: '所在工作室（属于多个工作室时必填）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '工作室编号必须是整数' })
  @Min(1, { message: '工作室编号必须是正整数' })
  studioId?: number;

  @ApiProperty({ example: '出生日期应为 1990-05-01', description: '哪里不对、应改成什么' })
  @IsString({ message: '请填写需要更正的内容' })
  @IsNotEmpty({ message: '请填写需要更正的内容' })
  @MaxLength(500, { message: '更正说明不能超过 500 字' })
  message: string;
}

export class DeletionDto {
  @ApiProperty({ description: '确认删除（须为 true）' })
  @Equals(true, { message: '请确认删除' })
  confirm: boolean;
}

export class ResolveDto {
  @ApiProperty({ example: '已按要求更正出生日期' })
  @IsString({ message: '请填写处理结果' })
  @IsNotEmpty({ message: '请填写处理结果' })
  @MaxLength(500, { message: '处理结果不能超过 500 字' })
  resolution: string;
}

export class PrivacyRequestView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['correction', 'deletion'] }) kind: 'correction' | 'deletion';
  @ApiProperty({ enum: ['open', 'done'] }) status: 'open' | 'done';
  @ApiProperty({ type: Number, nullable: true }) studioId: number | null;
  @ApiProperty({ description: '提出人（当前姓名）' }) requesterName: string;
  @ApiProperty(TEXT_OR_NULL) message: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ ...TEXT_OR_NULL, format: 'date-time' }) resolvedAt: string | null;
  @ApiProperty(TEXT_OR_NULL) resolution: string | null;
}

export class ErasureItem {
  @ApiProperty({ example: '签到记录' }) what: string;
  @ApiProperty() count: number;
  @ApiPropertyOptional({ description: '保留的原因' }) why?: string;
}

export class DeletionView {
  @ApiProperty() requestId: number;
  @ApiProperty({ type: [ErasureItem], description: '已删除或匿名化的' }) removed: ErasureItem[];
  @ApiProperty({ type: [ErasureItem], description: '保留的及原因' }) kept: ErasureItem[];
}

/** GET /privacy/export: everything the app holds about the caller (个人信息保护法 第四十五条). */
export class PrivacyExportView {
  @ApiProperty() noticeVersion: string;
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) account: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) person: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  roles: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  apprenticeships: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  memberships: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  attendance: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  certificates: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  consents: Record<string, unknown>[];
  @ApiProperty({ type: [PrivacyRequestView] }) requests: PrivacyRequestView[];
}
