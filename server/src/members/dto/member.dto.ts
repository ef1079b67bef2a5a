import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PatchType } from '../../common/patch-type';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsCalendarDate } from '../../common/validators';
import { oneOf } from '../../rules/vocabulary';
import { SKILL_LEVELS } from '@master-studio/shared-rules';
import { DATE_OR_NULL, NUMBER_OR_NULL } from '../../common/api-response';
import { Keyword } from '../../common/keyword';

export class CreateMemberDto {
  @ApiProperty({ example: '李四' })
  @IsString({ message: '姓名必须是文字' })
  @IsNotEmpty({ message: '请填写姓名' })
  @MaxLength(60, { message: '姓名不能超过 60 字' })
  name: string;

  @ApiProperty({ enum: SKILL_LEVELS })
  @IsIn(SKILL_LEVELS, { message: oneOf('技能等级', SKILL_LEVELS) })
  skillLevel: string;

  @ApiProperty({ description: '是否全职' })
  @IsBoolean({ message: '是否全职须为是或否' })
  fullTime: boolean;

  @ApiPropertyOptional({ description: '从事本职业年限' })
  @IsOptional()
  @IsInt({ message: '从业年限必须是整数' })
  @Min(0, { message: '从业年限不能为负数' })
  @Max(70, { message: '从业年限数值过大' })
  yearsInTrade?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate({ message: '加入日期格式应为 YYYY-MM-DD' })
  joinedOn?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate({ message: '离开日期格式应为 YYYY-MM-DD' })
  leftOn?: string;
}

export class UpdateMemberDto extends PatchType(CreateMemberDto) {}

export class ListMembersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'true：只看在岗成员' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'active 须为 true 或 false' })
  active?: boolean;

  @Keyword('按姓名搜索')
  q?: string;
}

export class MemberView {
  @ApiProperty() id: number;
  @ApiProperty() personId: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SKILL_LEVELS, nullable: true }) skillLevel: string | null;
  @ApiProperty() fullTime: boolean;
  @ApiProperty(NUMBER_OR_NULL) yearsInTrade: number | null;
  @ApiProperty(DATE_OR_NULL) joinedOn: string | null;
  @ApiProperty(DATE_OR_NULL) leftOn: string | null;
}
