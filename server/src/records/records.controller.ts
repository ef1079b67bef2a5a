import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  type Type,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { PageOf } from '../common/api-response';
import { RECORD_KINDS } from '@master-studio/shared-rules';
import { type Caller, CurrentCaller } from '../auth/caller';
import { RecordId, StudioId } from '../common/id.pipe';
import { Idempotent } from '../common/idempotency';
import type { AnyRecordDefinition } from './record-definition';
import { RecordsService } from './records.service';
import { SignoffStamp } from '../signoffs/dto/signoff.dto';

const PARAMTYPES = 'design:paramtypes';

/**
 * The controller of one record kind, made from its definition: list, get, create, update and
 * delete under `/studios/:studioId/<path>`, each an OpenAPI operation with a Chinese summary.
 * The DTO classes are set as the handlers' parameter types so that the validation pipe and the
 * OpenAPI document see them exactly as with a hand-written controller.
 */
export function recordController(def: AnyRecordDefinition): Type<unknown> {
  const { path, noun } = RECORD_KINDS[def.kind];
  const one = def.dto.response;
  // RecordsService adds `signoff` to the list and read views of a signable kind; the document
  // says so here, once for all kinds, on the kind's own response class (ActivityView…).
  if (RECORD_KINDS[def.kind].signable)
    ApiProperty({
      type: SignoffStamp,
      nullable: true,
      required: false,
      description:
        '单位审核确认：确认人和时间；未确认为 null（列表和查看时给出，新增和修改的回答不含）',
    })(one.prototype as object, 'signoff');

  @ApiTags(def.tag)
  @ApiBearerAuth()
  @Controller(`studios/:studioId/${path}`)
  class RecordController {
    constructor(readonly records: RecordsService) {}

    @Get()
    @ApiOperation({ summary: `${noun}列表（分页、筛选）` })
    @ApiOkResponse({ type: PageOf(one) })
    list(
      @CurrentCaller() caller: Caller,
      @Param('studioId', StudioId) studioId: number,
      @Query() q: object,
    ) {
      return this.records.list(def, caller, studioId, q);
    }

    @Get(':id')
    @ApiOperation({ summary: `查看单条${noun}` })
    @ApiOkResponse({ type: one })
    get(
      @CurrentCaller() caller: Caller,
      @Param('studioId', StudioId) studioId: number,
      @Param('id', RecordId) id: number,
    ) {
      return this.records.get(def, caller, studioId, id);
    }

    @Idempotent()
    @Post()
    @ApiOperation({ summary: `新增${noun}（领办人/成员）` })
    @ApiCreatedResponse({ type: one })
    create(
      @CurrentCaller() caller: Caller,
      @Param('studioId', StudioId) studioId: number,
      @Body() dto: object,
    ) {
      return this.records.create(def, caller, studioId, dto);
    }

    @Patch(':id')
    @ApiOperation({ summary: `修改${noun}（领办人/成员；已定稿期间不可改）` })
    @ApiOkResponse({ type: one })
    update(
      @CurrentCaller() caller: Caller,
      @Param('studioId', StudioId) studioId: number,
      @Param('id', RecordId) id: number,
      @Body() dto: object,
    ) {
      return this.records.update(def, caller, studioId, id, dto);
    }

    @Delete(':id')
    @HttpCode(204)
    @ApiOperation({ summary: `删除${noun}（领办人/成员；已审核确认或已定稿的不可删）` })
    @ApiNoContentResponse()
    remove(
      @CurrentCaller() caller: Caller,
      @Param('studioId', StudioId) studioId: number,
      @Param('id', RecordId) id: number,
    ): Promise<void> {
      return this.records.remove(def, caller, studioId, id);
    }
  }

  const proto = RecordController.prototype;
  Reflect.defineMetadata(PARAMTYPES, [Object, Number, def.dto.list], proto, 'list');
  Reflect.defineMetadata(PARAMTYPES, [Object, Number, def.dto.create], proto, 'create');
  Reflect.defineMetadata(PARAMTYPES, [Object, Number, Number, def.dto.update], proto, 'update');
  // The class name names the OpenAPI operations (AchievementsController_list…) and the logs.
  Object.defineProperty(RecordController, 'name', {
    value: `${path[0]?.toUpperCase() ?? ''}${path.slice(1)}Controller`,
  });
  return RecordController;
}
