import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Caller, CurrentCaller, Public } from '../auth/caller';
import { AsOfQuery } from '../common/date-range';
import { IdPipe, StudioId } from '../common/id.pipe';
import { ListOf } from '../common/api-response';
import { contentDisposition } from '../exports/content-disposition';
import {
  EvidenceSettingsDto,
  EvidenceUsage,
  EvidenceView,
  FileTokenQuery,
  ListEvidenceQuery,
  SheetEvidenceView,
  SubjectQuery,
} from './dto/evidence.dto';
import { EvidenceSheetService } from './evidence-sheet.service';
import { EvidenceService } from './evidence.service';

const EvidenceId = new IdPipe('evidenceId');

@ApiTags('佐证材料')
@ApiBearerAuth()
@Controller()
export class EvidenceController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly sheet: EvidenceSheetService,
  ) {}

  @Post('studios/:studioId/evidence')
  @ApiOperation({
    summary:
      '上传佐证材料（multipart/form-data，字段 file）：照片、PDF、Office 文件；类型按内容判定，边传边限大小，同一文件只存一份',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' } },
      required: ['file'],
    },
  })
  @ApiOkResponse({ type: EvidenceView })
  upload(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Query() q: SubjectQuery,
    @Req() req: IncomingMessage,
  ) {
    return this.evidence.upload(caller, studioId, q.subject, q.key, req);
  }

  @Get('studios/:studioId/evidence')
  @ApiOperation({ summary: '附件列表（含几分钟内有效的文件和缩略图链接）' })
  @ApiOkResponse({ type: ListOf(EvidenceView) })
  async list(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Query() q: ListEvidenceQuery,
  ) {
    return { items: await this.evidence.list(caller, studioId, q) };
  }

  @Get('studios/:studioId/evidence/usage')
  @ApiOperation({ summary: '附件空间用量与配额（领办人查看）' })
  @ApiOkResponse({ type: EvidenceUsage })
  usage(@CurrentCaller() caller: Caller, @Param('studioId', StudioId) studioId: number) {
    return this.evidence.usage(caller, studioId);
  }

  @Put('studios/:studioId/evidence/settings')
  @ApiOperation({ summary: '附件设置：照片是否保留位置和设备信息（EXIF，默认去除）' })
  @ApiOkResponse({ type: EvidenceUsage })
  settings(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Body() dto: EvidenceSettingsDto,
  ) {
    return this.evidence.setKeepMetadata(caller, studioId, dto.keepPhotoMetadata);
  }

  @Get('studios/:studioId/evidence/assessment')
  @ApiOperation({ summary: '考核表各项的佐证材料，及“缺少佐证材料”的项目' })
  @ApiOkResponse({ type: SheetEvidenceView })
  assessment(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Query() q: AsOfQuery,
  ) {
    return this.sheet.sheet(caller, studioId, q.asOf);
  }

  @Delete('studios/:studioId/evidence/:evidenceId')
  @HttpCode(204)
  @ApiOperation({ summary: '删除附件（已定稿期间的佐证材料不能删除）' })
  async remove(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Param('evidenceId', EvidenceId) id: number,
  ): Promise<void> {
    await this.evidence.remove(caller, studioId, id);
  }

  @Public()
  @Get('evidence/file')
  @ApiOperation({ summary: '凭签名链接取附件或缩略图（无需 Authorization 头；几分钟后失效）' })
  async file(
    @Query() q: FileTokenQuery,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<StreamableFile> {
    const f = await this.evidence.openLink(q.token);
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    return new StreamableFile(f.stream, {
      type: f.mime,
      // Photos and PDFs open in the viewer; Office files download.
      disposition:
        f.mime.startsWith('image/') || f.mime === 'application/pdf'
          ? contentDisposition(f.fileName).replace(/^attachment/, 'inline')
          : contentDisposition(f.fileName),
    });
  }
}
