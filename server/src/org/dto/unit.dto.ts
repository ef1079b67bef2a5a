import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination';

export class CreateUnitDto {
  @ApiProperty({ description: '所属辖区编号（评审本人所在辖区）' })
  @IsInt({ message: '辖区编号必须是整数' })
  @Min(1, { message: '辖区编号必须是正整数' })
  jurisdictionId: number;

  @ApiProperty({ example: '新疆天山装备制造有限公司' })
  @IsString({ message: '单位名称必须是文字' })
  @IsNotEmpty({ message: '请填写单位名称' })
  @MaxLength(120, { message: '单位名称不能超过 120 字' })
  name: string;
}

export class ListUnitsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '辖区编号必须是整数' })
  jurisdictionId?: number;

  @ApiPropertyOptional({ description: '按名称搜索' })
  @IsOptional()
  @IsString({ message: '搜索词必须是文字' })
  @MaxLength(50, { message: '搜索词不能超过 50 字' })
  q?: string;
}

export class JurisdictionRef {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ description: '辖区的考核政策（shared-rules POLICY_IDS）' }) policyId: string;
}

export class UnitView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ type: JurisdictionRef }) jurisdiction: JurisdictionRef;
  @ApiProperty() studioCount: number;
}
