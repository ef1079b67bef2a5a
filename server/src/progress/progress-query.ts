import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AsOfQuery } from '../common/date-range';

export class ProgressQuery extends AsOfQuery {
  @ApiPropertyOptional({
    description:
      '说明的详略：不传 = 各目标只带计入/未计入记录的条数（countedCount、excludedCount、excludedByReason）；目标编号 = 该目标带完整记录清单；all = 全部目标带完整清单',
    example: 'high_skill_talents',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, {
    message: 'explain 应为 all 或一个目标编号（如 high_skill_talents）',
  })
  explain?: string;
}
