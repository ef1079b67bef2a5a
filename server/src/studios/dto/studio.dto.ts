import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsCalendarDate } from '../../common/validators';
import { oneOf } from '../../rules/vocabulary';
import { RETIREMENT_CATEGORIES, SKILL_LEVELS } from '@master-studio/shared-rules';
import { STUDIO_STATUSES } from '../studio.entity';
import { DATE, DATE_OR_NULL, NUMBER_OR_NULL } from '../../common/api-response';
import { JurisdictionRef } from '../../org/dto/unit.dto';

export class ListStudiosQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STUDIO_STATUSES })
  @IsOptional()
  @IsIn(STUDIO_STATUSES, { message: oneOf('状态', STUDIO_STATUSES) })
  status?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '单位编号必须是整数' })
  unitId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '辖区编号必须是整数' })
  jurisdictionId?: number;

  @ApiPropertyOptional({ description: '按名称、职业（工种）搜索' })
  @IsOptional()
  @IsString({ message: '搜索词必须是文字' })
  @MaxLength(50, { message: '搜索词不能超过 50 字' })
  q?: string;
}

/**
 * What the studio's own people keep up to date: the checklist and the leader's details. The
 * checklist may be cleared with null (= not recorded); the leader's details may not (the rules
 * need them), so those fields are validated whenever present.
 */
export class UpdateStudioDto {
  @ApiPropertyOptional({ description: '工作室名称（改后须单位重新确认）' })
  @IsOptional()
  @IsString({ message: '工作室名称必须是文字' })
  @IsNotEmpty({ message: '请填写工作室名称' })
  @MaxLength(120, { message: '工作室名称不能超过 120 字' })
  name?: string;

  @ApiPropertyOptional({ description: '学习交流场所面积（平方米）' })
  @IsOptional()
  @IsInt({ message: '面积必须是整数（平方米）' })
  @Min(0, { message: '面积不能为负数' })
  @Max(100000, { message: '面积数值过大' })
  areaSqm?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: '是否挂牌须为是或否' })
  hasSign?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: '是否有荣誉墙须为是或否' })
  hasHonoursBoard?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: '制度是否上墙须为是或否' })
  rulesPosted?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: '职责是否明确须为是或否' })
  dutiesDefined?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: '设备是否满足须为是或否' })
  hasEquipment?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: '是否有经费管理制度须为是或否' })
  hasFundRules?: boolean;

  @ApiPropertyOptional({ description: '领办人出生日期' })
  @ValidateIf((_, v: unknown) => v !== undefined)
  @IsCalendarDate({ message: '领办人出生日期格式应为 YYYY-MM-DD' })
  leaderBirthDate?: string;

  @ApiPropertyOptional({ enum: RETIREMENT_CATEGORIES })
  @ValidateIf((_, v: unknown) => v !== undefined)
  @IsIn(RETIREMENT_CATEGORIES, { message: oneOf('退休类别', RETIREMENT_CATEGORIES) })
  leaderRetirementCategory?: string;

  @ApiPropertyOptional({ enum: SKILL_LEVELS })
  @ValidateIf((_, v: unknown) => v !== undefined)
  @IsIn(SKILL_LEVELS, { message: oneOf('领办人技能等级', SKILL_LEVELS) })
  leaderSkillLevel?: string;

  @ApiPropertyOptional()
  @ValidateIf((_, v: unknown) => v !== undefined)
  @IsBoolean({ message: '领办人是否全职须为是或否' })
  leaderFullTime?: boolean;
}

/** The leader as the bureau records them when it recognizes a studio. */
export class NewLeaderDto {
  @ApiProperty({ example: '张建国' })
  @IsString({ message: '领办人姓名必须是文字' })
  @IsNotEmpty({ message: '请填写领办人姓名' })
  @MaxLength(60, { message: '领办人姓名不能超过 60 字' })
  name: string;

  @ApiProperty({ example: '1972-05-01' })
  @IsCalendarDate({ message: '领办人出生日期格式应为 YYYY-MM-DD' })
  birthDate: string;

  @ApiProperty({ enum: RETIREMENT_CATEGORIES })
  @IsIn(RETIREMENT_CATEGORIES, { message: oneOf('退休类别', RETIREMENT_CATEGORIES) })
  retirementCategory: string;

  @ApiProperty({ enum: SKILL_LEVELS })
  @IsIn(SKILL_LEVELS, { message: oneOf('领办人技能等级', SKILL_LEVELS) })
  skillLevel: string;

  @ApiProperty()
  @IsBoolean({ message: '领办人是否全职须为是或否' })
  fullTime: boolean;
}

/** A reviewer recognizes a new studio in a unit of its jurisdiction. */
export class CreateStudioDto {
  @ApiProperty({ description: '所在单位编号（须在评审本人辖区内）' })
  @IsInt({ message: '单位编号必须是整数' })
  @Min(1, { message: '单位编号必须是正整数' })
  unitId: number;

  @ApiProperty({ example: '张建国焊工技能大师工作室' })
  @IsString({ message: '工作室名称必须是文字' })
  @IsNotEmpty({ message: '请填写工作室名称' })
  @MaxLength(120, { message: '工作室名称不能超过 120 字' })
  name: string;

  @ApiProperty({ example: '焊工', description: '职业（工种）' })
  @IsString({ message: '职业（工种）必须是文字' })
  @IsNotEmpty({ message: '请填写职业（工种）' })
  @MaxLength(60, { message: '职业（工种）不能超过 60 字' })
  trade: string;

  @ApiProperty({ example: '2025-03-01', description: '认定（命名）日期' })
  @IsCalendarDate({ message: '认定日期格式应为 YYYY-MM-DD' })
  recognizedOn: string;

  @ApiProperty({ type: NewLeaderDto })
  @IsDefined({ message: '请填写领办人信息' })
  @ValidateNested({ message: '领办人信息格式不正确' })
  @Type(() => NewLeaderDto)
  leader: NewLeaderDto;
}

/** What only the bureau's reviewer decides. */
export class UpdateStandingDto {
  @ApiPropertyOptional({ enum: STUDIO_STATUSES })
  @ValidateIf((_, v: unknown) => v !== undefined)
  @IsIn(STUDIO_STATUSES, { message: oneOf('状态', STUDIO_STATUSES) })
  status?: (typeof STUDIO_STATUSES)[number];

  @ApiPropertyOptional({ description: '是否存在一票否决情形' })
  @IsOptional()
  @IsBoolean({ message: '一票否决须为是或否' })
  vetoed?: boolean;

  @ApiPropertyOptional({ description: '评审总分（渝中区等只给总分的政策）' })
  @IsOptional()
  @IsNumber({}, { message: '评审总分必须是数字' })
  @Min(0, { message: '评审总分不能为负数' })
  @Max(1000, { message: '评审总分数值过大' })
  assessmentTotal?: number;
}

export class UnitRef {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}

export class StudioLeaderView {
  @ApiProperty() personId: number;
  @ApiProperty() name: string;
  @ApiProperty(DATE_OR_NULL) birthDate: string | null;
  @ApiProperty({ enum: RETIREMENT_CATEGORIES, nullable: true }) retirementCategory: string | null;
  @ApiProperty({ enum: SKILL_LEVELS, nullable: true }) skillLevel: string | null;
  @ApiProperty() fullTime: boolean;
}

const FLAG = { type: Boolean, nullable: true, description: 'null：未登记' } as const;

/** The unit contact's confirmation of the studio's own facts (name and facilities). */
export class FactsConfirmationView {
  @ApiProperty({ description: '确认人' }) confirmedBy: string;
  @ApiProperty({ format: 'date-time' }) confirmedAt: string;
}

export class StudioView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ description: '职业（工种）' }) trade: string;
  @ApiProperty({ enum: STUDIO_STATUSES }) status: string;
  @ApiProperty(DATE) recognizedOn: string;
  @ApiProperty({ type: UnitRef }) unit: UnitRef;
  @ApiProperty({ type: JurisdictionRef }) jurisdiction: JurisdictionRef;
  @ApiProperty({ type: StudioLeaderView }) leader: StudioLeaderView;
  @ApiProperty(NUMBER_OR_NULL) areaSqm: number | null;
  @ApiProperty(FLAG) hasSign: boolean | null;
  @ApiProperty(FLAG) hasHonoursBoard: boolean | null;
  @ApiProperty(FLAG) rulesPosted: boolean | null;
  @ApiProperty(FLAG) dutiesDefined: boolean | null;
  @ApiProperty(FLAG) hasEquipment: boolean | null;
  @ApiProperty(FLAG) hasFundRules: boolean | null;
  @ApiProperty(FLAG) vetoed: boolean | null;
  @ApiProperty(NUMBER_OR_NULL) assessmentTotal: number | null;
  @ApiProperty({
    type: FactsConfirmationView,
    nullable: true,
    description: '单位对名称和场地设施的确认；null 为待单位确认（领办人修改后清空）',
  })
  factsConfirmation: FactsConfirmationView | null;
}
