import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { oneOf } from '../../rules/vocabulary';
import { ROLES } from '../../accounts/role-membership.entity';

/** The roles an invitation created through the API can grant (reviewers come from the operator CLI). */
export const INVITABLE_ROLES = ['leader', 'unit_contact', 'member', 'apprentice'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

export class CreateInvitationDto {
  @ApiProperty({
    enum: INVITABLE_ROLES,
    description: 'leader、unit_contact（评审发出）；member、apprentice（领办人发出）',
  })
  @IsIn(INVITABLE_ROLES, { message: oneOf('邀请的角色', INVITABLE_ROLES) })
  role: InvitableRole;

  @ApiPropertyOptional({ description: 'leader、member、apprentice 必填' })
  @ValidateIf((o: CreateInvitationDto) => o.role !== 'unit_contact' || o.studioId !== undefined)
  @IsInt({ message: '工作室编号必须是整数' })
  @Min(1, { message: '工作室编号必须是正整数' })
  studioId?: number;

  @ApiPropertyOptional({ description: 'unit_contact 必填' })
  @ValidateIf((o: CreateInvitationDto) => o.role === 'unit_contact' || o.unitId !== undefined)
  @IsInt({ message: '单位编号必须是整数' })
  @Min(1, { message: '单位编号必须是正整数' })
  unitId?: number;

  @ApiPropertyOptional({ description: 'member 必填：团队成员记录编号' })
  @ValidateIf((o: CreateInvitationDto) => o.role === 'member' || o.memberId !== undefined)
  @IsInt({ message: '团队成员编号必须是整数' })
  @Min(1, { message: '团队成员编号必须是正整数' })
  memberId?: number;

  @ApiPropertyOptional({ description: 'apprentice 必填：学徒记录编号' })
  @ValidateIf((o: CreateInvitationDto) => o.role === 'apprentice' || o.apprenticeId !== undefined)
  @IsInt({ message: '学徒编号必须是整数' })
  @Min(1, { message: '学徒编号必须是正整数' })
  apprenticeId?: number;
}

export class ListInvitationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '工作室的待使用邀请（与 unitId 二选一）' })
  @ValidateIf((o: ListInvitationsQuery) => o.unitId === undefined)
  @Type(() => Number)
  @IsInt({ message: '请指定工作室编号 studioId 或单位编号 unitId' })
  @Min(1, { message: '工作室编号必须是正整数' })
  studioId?: number;

  @ApiPropertyOptional({ description: '单位联系人的待使用邀请' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '单位编号必须是整数' })
  @Min(1, { message: '单位编号必须是正整数' })
  unitId?: number;
}

export class RedeemInvitationDto {
  @ApiProperty({ example: 'K7MX3Q9P', description: '8 位邀请码（不区分大小写，可含空格或连字符）' })
  @IsString({ message: '邀请码必须是文字' })
  @IsNotEmpty({ message: '请输入邀请码' })
  @MaxLength(32, { message: '邀请码过长' })
  code: string;
}

export const INVITATION_STATUSES = ['pending', 'used', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

const ID_OR_NULL = { type: Number, nullable: true } as const;
const TEXT_OR_NULL = { type: String, nullable: true } as const;

export class InvitationView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty() jurisdictionId: number;
  @ApiProperty(ID_OR_NULL) studioId: number | null;
  @ApiProperty(TEXT_OR_NULL) studioName: string | null;
  @ApiProperty(ID_OR_NULL) unitId: number | null;
  @ApiProperty(TEXT_OR_NULL) unitName: string | null;
  @ApiProperty(ID_OR_NULL) memberId: number | null;
  @ApiProperty(ID_OR_NULL) apprenticeId: number | null;
  /** Who the code is for: the leader, member or apprentice's name (null for a unit contact). */
  @ApiProperty({ ...TEXT_OR_NULL, description: '被邀请人姓名（单位联系人为 null）' }) inviteeName:
    string | null;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: InvitationStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

/** Only the answer to the create carries the code: the server keeps its hash alone. */
export class CreatedInvitationView extends InvitationView {
  @ApiProperty({ description: '8 位邀请码（只在生成时返回一次）' }) code: string;
}
