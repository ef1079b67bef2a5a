import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PatchType } from '../../common/patch-type';
import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { DatedPageQuery } from '../../common/date-range';
import { IsCalendarDate, IsDecimal } from '../../common/validators';
import { oneOf } from '../../rules/vocabulary';
import { FUND_SOURCES } from '@master-studio/shared-rules';
import { DATE, TEXT_OR_NULL } from '../../common/api-response';
import { Keyword } from '../../common/keyword';

export const FUND_DIRECTIONS = ['income', 'spending'] as const;

export class CreateFundDto {
  @ApiProperty({ enum: FUND_DIRECTIONS, description: 'income：到账；spending：支出' })
  @IsIn(FUND_DIRECTIONS, { message: '收支方向应为 income（到账）或 spending（支出）' })
  direction: 'income' | 'spending';

  @ApiPropertyOptional({ enum: FUND_SOURCES, description: '到账来源（支出时不填）' })
  @ValidateIf((o: CreateFundDto) => o.direction === 'income' || o.source !== undefined)
  @IsIn(FUND_SOURCES, { message: oneOf('经费来源', FUND_SOURCES) })
  source?: string;

  @ApiProperty({ example: '设备购置', description: '科目' })
  @IsString({ message: '科目必须是文字' })
  @IsNotEmpty({ message: '请填写科目' })
  @MaxLength(40, { message: '科目不能超过 40 字' })
  category: string;

  @ApiProperty({ description: '金额（元）' })
  @IsDecimal(2, { message: '金额必须是数字，最多两位小数' })
  @Min(0.01, { message: '金额必须大于 0' })
  @Max(1e10, { message: '金额过大' })
  amount: number;

  @ApiProperty()
  @IsCalendarDate({ message: '日期格式应为 YYYY-MM-DD' })
  date: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '备注必须是文字' })
  @MaxLength(200, { message: '备注不能超过 200 字' })
  note?: string;
}

export class UpdateFundDto extends PatchType(CreateFundDto) {}

export class ListFundsQuery extends DatedPageQuery {
  @ApiPropertyOptional({ enum: FUND_DIRECTIONS })
  @IsOptional()
  @IsIn(FUND_DIRECTIONS, { message: '收支方向应为 income 或 spending' })
  direction?: string;

  @ApiPropertyOptional({ enum: FUND_SOURCES })
  @IsOptional()
  @IsIn(FUND_SOURCES, { message: oneOf('经费来源', FUND_SOURCES) })
  source?: string;

  @Keyword('按类别、备注搜索')
  q?: string;
}

export class FundView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: FUND_DIRECTIONS }) direction: 'income' | 'spending';
  @ApiProperty({ enum: FUND_SOURCES, nullable: true }) source: string | null;
  @ApiProperty() category: string;
  @ApiProperty({ description: '金额（元）' }) amount: number;
  @ApiProperty(DATE) date: string;
  @ApiProperty(TEXT_OR_NULL) note: string | null;
}
