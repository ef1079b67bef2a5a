import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export const IMPORT_ACTIONS = ['create', 'update', 'skip', 'error'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

export class ImportQuery {
  @ApiPropertyOptional({ description: '上传的文件名（写入审计记录）' })
  @IsOptional()
  @IsString({ message: '文件名必须是文字' })
  @MaxLength(200, { message: '文件名不能超过 200 字' })
  fileName?: string;
}

const TEXT_MAP = {
  type: 'object',
  additionalProperties: { type: 'string' },
} as const;

export class ImportRowView {
  @ApiProperty({ description: '表格中的行号（从 1 起）' }) line: number;
  @ApiProperty({
    enum: IMPORT_ACTIONS,
    description: 'create 新增、update 更新、skip 跳过、error 有错误',
  })
  action: ImportAction;
  @ApiProperty({
    description: '将保存的值（与新增接口的请求体相同）',
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
  })
  values: Record<string, string | number | boolean>;
  @ApiProperty({ ...TEXT_MAP, description: '字段 → 错误说明' }) errors: Record<string, string>;
  @ApiProperty({ ...TEXT_MAP, description: '字段 → 提醒' }) warnings: Record<string, string>;
  @ApiProperty({ type: [String], description: '更新时改动的列名' }) changes: string[];
  @ApiProperty({ type: Number, nullable: true, description: '已有记录的编号（更新或跳过时）' })
  recordId: number | null;
  @ApiPropertyOptional({ description: '工作室批量登记：领办人邀请码（仅导入时返回这一次）' })
  code?: string;
}

export class ImportColumnView {
  @ApiProperty() key: string;
  @ApiProperty() header: string;
  @ApiProperty() required: boolean;
  @ApiProperty({ description: '文件中是否有这一列' }) present: boolean;
}

export class ImportCountsView {
  @ApiProperty() total: number;
  @ApiProperty() create: number;
  @ApiProperty() update: number;
  @ApiProperty() skip: number;
  @ApiProperty() error: number;
}

export class ImportTargetChangeView {
  @ApiProperty() id: string;
  @ApiProperty() label: string;
  @ApiProperty() required: number;
  @ApiProperty() before: number;
  @ApiProperty() after: number;
  @ApiProperty() nowMet: boolean;
}

export class ImportSheetChangeView {
  @ApiProperty({ description: '导入前考核表总分' }) before: number;
  @ApiProperty({ description: '导入后考核表总分' }) after: number;
}

export class ImportResultView {
  @ApiProperty() kind: string;
  @ApiProperty() title: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ description: '文件的 SHA-256' }) sha256: string;
  @ApiProperty({ enum: ['xlsx', 'csv'] }) format: 'xlsx' | 'csv';
  @ApiProperty({ type: String, nullable: true, enum: ['utf-8', 'gbk', 'utf-16le'] })
  encoding: 'utf-8' | 'gbk' | 'utf-16le' | null;
  @ApiProperty({ description: '表头所在行号' }) headerLine: number;
  @ApiProperty({ type: [ImportColumnView] }) columns: ImportColumnView[];
  @ApiProperty({ type: [String], description: '未识别、不会导入的列' }) ignoredColumns: string[];
  @ApiProperty({ type: ImportCountsView }) counts: ImportCountsView;
  @ApiProperty({ type: [ImportRowView] }) rows: ImportRowView[];
  @ApiProperty({ type: [ImportTargetChangeView], description: '导入后各项指标的变化' })
  targets: ImportTargetChangeView[];
  @ApiProperty({ type: ImportSheetChangeView, nullable: true }) sheet: ImportSheetChangeView | null;
  @ApiProperty({ description: 'true：已写入；false：仅预览' }) committed: boolean;
}

export class ImportKindView {
  @ApiProperty() kind: string;
  @ApiProperty({ description: 'URL 段，如 apprentices' }) path: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [ImportColumnView] }) columns: ImportColumnView[];
}
