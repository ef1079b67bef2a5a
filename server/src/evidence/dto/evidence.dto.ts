import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FACILITY_KINDS, RECORD_KIND_NAMES } from '@master-studio/shared-rules';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';

/** What a file is attached to: a record kind (key = its id) or `facility` (key = sign, …). */
export const SUBJECT_KINDS = [...RECORD_KIND_NAMES, 'facility'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export class SubjectQuery {
  @ApiProperty({ enum: SUBJECT_KINDS, description: '附件所属：记录类型，或 facility（场地设施）' })
  @IsIn(SUBJECT_KINDS, { message: `附件所属 subject 应为以下之一：${SUBJECT_KINDS.join('、')}` })
  subject: SubjectKind;

  @ApiProperty({
    description: `记录编号；subject=facility 时为设施：${FACILITY_KINDS.join('、')}`,
  })
  @IsString()
  @Matches(/^(\d{1,10}|[a-z_]{1,20})$/, { message: '附件所属编号 key 格式有误' })
  key: string;
}

export class ListEvidenceQuery {
  @ApiPropertyOptional({ enum: SUBJECT_KINDS, description: '只列这一类（不填：全部）' })
  @IsOptional()
  @IsIn(SUBJECT_KINDS, { message: `附件所属 subject 应为以下之一：${SUBJECT_KINDS.join('、')}` })
  subject?: SubjectKind;

  @ApiPropertyOptional({ description: '只列这一条记录或设施的附件（需同时给 subject）' })
  @IsOptional()
  @IsString()
  @Matches(/^(\d{1,10}|[a-z_]{1,20})$/, { message: '附件所属编号 key 格式有误' })
  key?: string;
}

export class EvidenceView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: SUBJECT_KINDS }) subject: string;
  @ApiProperty({ description: '记录编号或设施' }) key: string;
  @ApiProperty({ description: '按内容判定的类型，如 image/jpeg、application/pdf' }) mime: string;
  @ApiProperty({ description: '照片（有缩略图，可预览）' }) image: boolean;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() fileName: string;
  @ApiProperty({ type: Number, nullable: true }) width: number | null;
  @ApiProperty({ type: Number, nullable: true }) height: number | null;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
  @ApiProperty({ type: Number, nullable: true }) uploadedBy: number | null;
  @ApiProperty({ description: '几分钟内有效的文件链接（相对 /api）' }) url: string;
  @ApiProperty({ type: String, nullable: true, description: '缩略图链接（照片才有）' })
  thumbUrl: string | null;
  @ApiProperty({ format: 'date-time', description: '链接失效时间' }) expiresAt: string;
}

export class EvidenceUsage {
  @ApiProperty({ description: '已用字节' }) usedBytes: number;
  @ApiProperty({ description: '配额字节' }) quotaBytes: number;
  @ApiProperty({ description: '附件个数' }) files: number;
  @ApiProperty({ description: '单个文件上限字节' }) maxFileBytes: number;
  @ApiProperty({ description: '照片保留位置和设备信息（EXIF）' }) keepPhotoMetadata: boolean;
}

export class EvidenceSettingsDto {
  @ApiProperty({ description: '照片保留位置和设备信息（EXIF）；默认去除' })
  @IsBoolean({ message: 'keepPhotoMetadata 应为 true 或 false' })
  keepPhotoMetadata: boolean;
}

export class FileTokenQuery {
  @ApiProperty() @IsString() token: string;
}

export class EvidenceNeedView {
  @ApiProperty() what: string;
  @ApiProperty() article: string;
  @ApiProperty({ enum: SUBJECT_KINDS }) subject: string;
  @ApiPropertyOptional({ description: '设施（subject=facility）' }) facility?: string;
}

export class EvidenceSubjectView {
  @ApiProperty({ enum: SUBJECT_KINDS }) subject: string;
  @ApiProperty() key: string;
  @ApiProperty({ description: '显示名：设施名或“成果 #12”' }) label: string;
  @ApiProperty({ type: [EvidenceView] }) files: EvidenceView[];
}

export class ItemEvidenceView {
  @ApiProperty({ description: '考核项目编号' }) itemId: string;
  @ApiProperty({ type: [EvidenceNeedView] }) needs: EvidenceNeedView[];
  @ApiProperty({ type: [EvidenceSubjectView], description: '该项依据的记录/设施及其附件' })
  subjects: EvidenceSubjectView[];
  @ApiProperty({ description: '缺少佐证材料：该项计了分（或待评），但依据没有附件' })
  missing: boolean;
}

export class SheetEvidenceView {
  @ApiProperty() policyId: string;
  @ApiProperty({ type: [ItemEvidenceView] }) items: ItemEvidenceView[];
}
