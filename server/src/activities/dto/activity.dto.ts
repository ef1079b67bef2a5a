import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PatchType } from '../../common/patch-type';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { DatedPageQuery } from '../../common/date-range';
import { IsCalendarDate } from '../../common/validators';
import { oneOf } from '../../rules/vocabulary';
import { ACTIVITY_KINDS } from '@master-studio/shared-rules';
import { DATE, TEXT_OR_NULL } from '../../common/api-response';
import { Keyword } from '../../common/keyword';

export class CreateActivityDto {
  @ApiProperty({ enum: ACTIVITY_KINDS })
  @IsIn(ACTIVITY_KINDS, { message: oneOf('活动类型', ACTIVITY_KINDS) })
  kind: string;

  @ApiProperty({ example: '焊接工艺培训' })
  @IsString({ message: '活动名称必须是文字' })
  @IsNotEmpty({ message: '请填写活动名称' })
  @MaxLength(120, { message: '活动名称不能超过 120 字' })
  title: string;

  @ApiProperty({ description: '活动日期' })
  @IsCalendarDate({ message: '活动日期格式应为 YYYY-MM-DD' })
  date: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '地点必须是文字' })
  @MaxLength(120, { message: '地点不能超过 120 字' })
  location?: string;

  @ApiPropertyOptional({ description: '未扫码签到的参加人数（如外单位学员），计入人次' })
  @IsOptional()
  @IsInt({ message: '补录人数必须是整数' })
  @Min(0, { message: '补录人数不能为负数' })
  @Max(100000, { message: '补录人数过大' })
  extraAttendance?: number;
}

export class UpdateActivityDto extends PatchType(CreateActivityDto) {}

export class ListActivitiesQuery extends DatedPageQuery {
  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS, { message: oneOf('活动类型', ACTIVITY_KINDS) })
  kind?: string;

  @Keyword('按标题、地点搜索')
  q?: string;
}

export class ActivityView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty(DATE) date: string;
  @ApiProperty(TEXT_OR_NULL) location: string | null;
  @ApiProperty({ description: '未扫码签到的参加人数' }) extraAttendance: number;
  @ApiProperty({ description: '扫码签到人数' }) checkedIn: number;
  /** person-times: check-ins plus extraAttendance */
  @ApiProperty({ description: '人次：签到人数加补录人数' }) attendance: number;
  @ApiProperty() checkinOpen: boolean;
}
