import {
  Body,
  Controller,
  Get,
  Param,
  type PipeTransform,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Public } from '../auth/caller';
import { notFound } from '../common/domain-error';
import { IdPipe, StudioId } from '../common/id.pipe';
import { contentDisposition } from './content-disposition';
import { CreateLinkDto, DownloadQuery, ExportQuery } from './dto/export.dto';
import type { ExportKind } from './export-request';
import { type ExportFile, ExportsService, streamOf } from './exports.service';

const ActivityId = new IdPipe('activityId');
/** The exports a studio route serves (signin hangs under its activity, jurisdiction under its jurisdiction). */
const STUDIO_KINDS: readonly ExportKind[] = [
  'assessment',
  'roster',
  'attendance',
  'ledger',
  'application',
  'summary',
  'plan',
  'archive',
];
const StudioKind: PipeTransform<string, ExportKind> = {
  transform: (v: string) => {
    if (!(STUDIO_KINDS as readonly string[]).includes(v)) throw notFound('导出类型');
    return v as ExportKind;
  },
};
const JurisdictionId = new IdPipe('jurisdictionId');

const file = async (f: Promise<ExportFile>): Promise<StreamableFile> => {
  const x = await f;
  return new StreamableFile(streamOf(x), {
    type: x.contentType,
    disposition: contentDisposition(x.fileName),
  });
};

@ApiTags('材料导出')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('studios/:studioId/exports/:kind')
  @ApiOperation({
    summary:
      '导出工作室材料：assessment 考核表、roster 花名册、attendance 月度签到汇总、ledger 经费台账、application 申报表、summary 年度总结、plan 下年计划、archive 档案包',
  })
  studio(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Param('kind', StudioKind) kind: ExportKind,
    @Query() q: ExportQuery,
  ) {
    return file(this.exports.open(caller, { kind, studioId, ...q }));
  }

  @Get('studios/:studioId/activities/:activityId/exports/signin')
  @ApiOperation({ summary: '导出一次活动的签到表（含签名栏）' })
  signin(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Param('activityId', ActivityId) activityId: number,
  ) {
    return file(this.exports.open(caller, { kind: 'signin', studioId, activityId }));
  }

  @Get('jurisdictions/:jurisdictionId/exports/assessments')
  @ApiOperation({ summary: '导出辖区全部工作室考核表（一室一表，首表按得分排名）' })
  jurisdiction(
    @CurrentCaller() caller: Caller,
    @Param('jurisdictionId', JurisdictionId) jurisdictionId: number,
    @Query() q: ExportQuery,
  ) {
    return file(
      this.exports.open(caller, {
        kind: 'jurisdiction',
        jurisdictionId,
        ...(q.asOf ? { asOf: q.asOf } : {}),
      }),
    );
  }

  @Post('exports/links')
  @ApiOperation({
    summary: '取得几分钟内有效的下载链接（小程序 downloadFile、H5 下载用；先做同样的权限检查）',
  })
  link(@CurrentCaller() caller: Caller, @Body() dto: CreateLinkDto) {
    return this.exports.createLink(caller, { ...dto });
  }

  @Public()
  @Get('exports/download')
  @ApiOperation({
    summary: '凭下载令牌下载（无需 Authorization 头；令牌绑定账号与导出内容，几分钟后失效）',
  })
  download(@Query() q: DownloadQuery) {
    return file(this.exports.openLink(q.token));
  }
}
