import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PatchType } from '../../common/patch-type';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { DatedPageQuery } from '../../common/date-range';
import { IsCalendarDate } from '../../common/validators';
import { oneOf } from '../../rules/vocabulary';
import { ACHIEVEMENT_KINDS, ACHIEVEMENT_LEVELS } from '@master-studio/shared-rules';
import { DATE } from '../../common/api-response';
import { Keyword } from '../../common/keyword';

export class CreateAchievementDto {
  @ApiProperty({ enum: ACHIEVEMENT_KINDS })
  @IsIn(ACHIEVEMENT_KINDS, { message: oneOf('成果类型', ACHIEVEMENT_KINDS) })
  kind: string;

  @ApiProperty({ enum: ACHIEVEMENT_LEVELS })
  @IsIn(ACHIEVEMENT_LEVELS, { message: oneOf('成果级别', ACHIEVEMENT_LEVELS) })
  level: string;

  @ApiProperty({ example: '一种焊缝自动检测装置' })
  @IsString({ message: '成果名称必须是文字' })
  @IsNotEmpty({ message: '请填写成果名称' })
  @MaxLength(160, { message: '成果名称不能超过 160 字' })
  title: string;

  @ApiProperty({ description: '取得日期' })
  @IsCalendarDate({ message: '取得日期格式应为 YYYY-MM-DD' })
  date: string;
}

export class UpdateAchievementDto extends PatchType(CreateAchievementDto) {}

export class ListAchievementsQuery extends DatedPageQuery {
  @ApiPropertyOptional({ enum: ACHIEVEMENT_KINDS })
  @IsOptional()
  @IsIn(ACHIEVEMENT_KINDS, { message: oneOf('成果类型', ACHIEVEMENT_KINDS) })
  kind?: string;

  @ApiPropertyOptional({ enum: ACHIEVEMENT_LEVELS })
  @IsOptional()
  @IsIn(ACHIEVEMENT_LEVELS, { message: oneOf('成果级别', ACHIEVEMENT_LEVELS) })
  level?: string;

  @Keyword('按标题搜索')
  q?: string;
}

export class AchievementView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ACHIEVEMENT_KINDS }) kind: string;
  @ApiProperty({ enum: ACHIEVEMENT_LEVELS }) level: string;
  @ApiProperty() title: string;
  @ApiProperty(DATE) date: string;
}
