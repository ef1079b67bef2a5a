import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PatchType } from '../../common/patch-type';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsCalendarDate } from '../../common/validators';
import { DATE, DATE_OR_NULL } from '../../common/api-response';

export class CreateApprenticeDto {
  @ApiProperty({ example: '王五' })
  @IsString({ message: '姓名必须是文字' })
  @IsNotEmpty({ message: '请填写姓名' })
  @MaxLength(60, { message: '姓名不能超过 60 字' })
  name: string;

  @ApiProperty({ description: '拜师（进入花名册）日期' })
  @IsCalendarDate({ message: '拜师日期格式应为 YYYY-MM-DD' })
  joinedOn: string;

  @ApiPropertyOptional({ description: '师徒协议签订日期' })
  @IsOptional()
  @IsCalendarDate({ message: '协议签订日期格式应为 YYYY-MM-DD' })
  agreementSignedOn?: string;

  @ApiPropertyOptional({ description: '出师或离开日期；null 表示仍在带' })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsCalendarDate({ message: '离开日期格式应为 YYYY-MM-DD' })
  leftOn?: string | null;
}

export class UpdateApprenticeDto extends PatchType(CreateApprenticeDto) {}

export class ListApprenticesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'true：只看在带徒弟' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'active 须为 true 或 false' })
  active?: boolean;

  @ApiPropertyOptional({ description: '按姓名搜索' })
  @IsOptional()
  @IsString({ message: '搜索词必须是文字' })
  @MaxLength(30, { message: '搜索词不能超过 30 字' })
  q?: string;
}

export class ApprenticeView {
  @ApiProperty() id: number;
  @ApiProperty() personId: number;
  @ApiProperty() name: string;
  @ApiProperty(DATE) joinedOn: string;
  @ApiProperty(DATE_OR_NULL) agreementSignedOn: string | null;
  @ApiProperty(DATE_OR_NULL) leftOn: string | null;
}
