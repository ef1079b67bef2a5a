import { ApiProperty } from '@nestjs/swagger';
import { SKILL_LEVELS } from '@master-studio/shared-rules';
import { DATE, DATE_OR_NULL, TEXT_OR_NULL } from '../../common/api-response';

/** One of the apprentice's own check-ins, with its activity. */
export class MyAttendanceView {
  @ApiProperty() id: number;
  @ApiProperty() activityId: number;
  @ApiProperty({ description: '活动名称' }) title: string;
  @ApiProperty({ description: '活动类型' }) kind: string;
  @ApiProperty(DATE) date: string;
  @ApiProperty() studioId: number;
  @ApiProperty() studioName: string;
  @ApiProperty({ format: 'date-time' }) checkedInAt: string;
}

export class MyCertificateView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: SKILL_LEVELS }) level: string;
  @ApiProperty(DATE) awardedOn: string;
  @ApiProperty(TEXT_OR_NULL) number: string | null;
  @ApiProperty() studioId: number;
  @ApiProperty() studioName: string;
}

/** The apprentice's progress in one studio. */
export class MyStudioProgress {
  @ApiProperty() studioId: number;
  @ApiProperty() studioName: string;
  @ApiProperty(DATE) joinedOn: string;
  @ApiProperty(DATE_OR_NULL) leftOn: string | null;
  @ApiProperty({ description: '本年参加人次' }) attendanceThisYear: number;
  @ApiProperty({ description: '累计参加人次' }) attendanceTotal: number;
  @ApiProperty({ description: '截至 asOf 取得的证书数' }) certificates: number;
  @ApiProperty({ enum: SKILL_LEVELS, nullable: true, description: '最高证书等级' }) highestLevel:
    string | null;
}

export class MyProgressView {
  @ApiProperty(DATE) asOf: string;
  @ApiProperty({ type: [MyStudioProgress] }) items: MyStudioProgress[];
}
