import { Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Caller, CurrentCaller, Public } from '../auth/caller';
import { notFound } from '../common/domain-error';
import { IdPipe, StudioId } from '../common/id.pipe';
import { contentDisposition } from '../exports/content-disposition';
import { ImportKindView, ImportQuery, ImportResultView } from './dto/import.dto';
import { importKindOfPath, specOf } from './import-kinds';
import { ImportsService } from './imports.service';
import { templateXlsx } from './template';
import { UploadedFile } from './uploaded-file';
import { STUDIO_BATCH } from './jurisdiction-import';

const JurisdictionId = new IdPipe('jurisdictionId');

const FILE_BODY = {
  description: '文件内容（.xlsx 或 CSV），Content-Type: application/octet-stream',
  schema: { type: 'string', format: 'binary' },
} as const;

@ApiTags('表格导入')
@ApiBearerAuth()
@Controller()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Public()
  @Get('imports/kinds')
  @ApiOperation({ summary: '可导入的记录类型及其列' })
  @ApiOkResponse({ type: [ImportKindView] })
  kinds(): ImportKindView[] {
    return this.imports.kinds();
  }

  @Public()
  @Get('imports/templates/:kind')
  @ApiOperation({ summary: '下载导入模板（xlsx：中文表头、示例行、下拉选项）' })
  async template(@Param('kind') kind: string): Promise<StreamableFile> {
    const k = importKindOfPath(kind);
    if (!k && kind !== 'studios') throw notFound('导入类型');
    const spec = k ? specOf(k) : STUDIO_BATCH;
    return new StreamableFile(await templateXlsx(spec), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: contentDisposition(`${spec.title}导入模板.xlsx`),
    });
  }

  @Post('studios/:studioId/imports/:kind/preview')
  @HttpCode(200)
  @ApiOperation({ summary: '上传表格并预览导入结果（逐行校验，不写入）' })
  @ApiConsumes('application/octet-stream')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: ImportResultView })
  preview(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Param('kind') kind: string,
    @Query() q: ImportQuery,
    @UploadedFile() file: unknown,
  ): Promise<ImportResultView> {
    return this.imports.run(caller, studioId, kind, file, q.fileName, false);
  }

  @Post('studios/:studioId/imports/:kind/commit')
  @ApiOperation({ summary: '导入表格：全部行在一个事务中写入，任何一行有错则全部不写' })
  @ApiConsumes('application/octet-stream')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: ImportResultView })
  commit(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Param('kind') kind: string,
    @Query() q: ImportQuery,
    @UploadedFile() file: unknown,
  ): Promise<ImportResultView> {
    return this.imports.run(caller, studioId, kind, file, q.fileName, true);
  }

  @Post('jurisdictions/:jurisdictionId/imports/studios/preview')
  @HttpCode(200)
  @ApiOperation({ summary: '评审：预览一张表中的工作室批量登记（单位、工作室、领办人）' })
  @ApiConsumes('application/octet-stream')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: ImportResultView })
  previewStudios(
    @CurrentCaller() caller: Caller,
    @Param('jurisdictionId', JurisdictionId) jurisdictionId: number,
    @Query() q: ImportQuery,
    @UploadedFile() file: unknown,
  ): Promise<ImportResultView> {
    return this.imports.runJurisdiction(caller, jurisdictionId, file, q.fileName, false);
  }

  @Post('jurisdictions/:jurisdictionId/imports/studios/commit')
  @ApiOperation({
    summary: '评审：批量登记工作室（缺少的单位一并新建），并为每位领办人生成邀请码；全部或全不',
  })
  @ApiConsumes('application/octet-stream')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: ImportResultView })
  commitStudios(
    @CurrentCaller() caller: Caller,
    @Param('jurisdictionId', JurisdictionId) jurisdictionId: number,
    @Query() q: ImportQuery,
    @UploadedFile() file: unknown,
  ): Promise<ImportResultView> {
    return this.imports.runJurisdiction(caller, jurisdictionId, file, q.fileName, true);
  }
}
