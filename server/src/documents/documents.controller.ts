import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { RecordId, StudioId } from '../common/id.pipe';
import { CreateDocumentDto, ListDocumentsQuery, UpdateDocumentDto } from './dto/document.dto';
import { DocumentsService } from './documents.service';
import { Idempotent } from '../records/idempotency';

@ApiTags('计划与总结')
@ApiBearerAuth()
@Controller('studios/:studioId/documents')
export class DocumentsController {
  constructor(private readonly service: DocumentsService) {}

  @Get()
  @ApiOperation({ summary: '材料列表（分页、筛选）' })
  list(@CurrentCaller() caller: Caller, @Param('studioId', StudioId) studioId: number, @Query() q: ListDocumentsQuery) {
    return this.service.list(caller, studioId, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '查看单条材料' })
  get(@CurrentCaller() caller: Caller, @Param('studioId', StudioId) studioId: number, @Param('id', RecordId) id: number) {
    return this.service.get(caller, studioId, id);
  }

  @Idempotent()
  @Post()
  @ApiOperation({ summary: '新增材料（领办人/成员）' })
  create(@CurrentCaller() caller: Caller, @Param('studioId', StudioId) studioId: number, @Body() dto: CreateDocumentDto) {
    return this.service.create(caller, studioId, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改材料（领办人/成员；已定稿期间不可改）' })
  update(@CurrentCaller() caller: Caller, @Param('studioId', StudioId) studioId: number, @Param('id', RecordId) id: number, @Body() dto: UpdateDocumentDto) {
    return this.service.update(caller, studioId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除材料（领办人/成员；已审核确认或已定稿的不可删）' })
  remove(@CurrentCaller() caller: Caller, @Param('studioId', StudioId) studioId: number, @Param('id', RecordId) id: number): Promise<void> {
    return this.service.remove(caller, studioId, id);
  }
}
