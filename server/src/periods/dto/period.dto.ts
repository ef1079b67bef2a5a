import { ApiProperty } from '@nestjs/swagger';
import type { AssessmentSheet } from '@master-studio/shared-rules';
import { DATE } from '../../common/api-response';
import { SHARED_RULES_OBJECT } from '../../progress/dto/progress.dto';

export class PeriodView {
  @ApiProperty() id: number;
  @ApiProperty(DATE) from: string;
  @ApiProperty(DATE) to: string;
  @ApiProperty() finalizedBy: number;
  @ApiProperty({ format: 'date-time' }) finalizedAt: string;
  @ApiProperty(SHARED_RULES_OBJECT('AssessmentSheet', '定稿时的考核评分表')) sheet: AssessmentSheet;
}
