import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { StudioId } from '../common/id.pipe';
import {
  CreateStudioDto,
  ListStudiosQuery,
  StudioView,
  UpdateStandingDto,
  UpdateStudioDto,
} from './dto/studio.dto';
import { StudiosService } from './studios.service';
import { Idempotent } from '../common/idempotency';
import { PageOf } from '../common/api-response';

@ApiTags('工作室')
@ApiBearerAuth()
@Controller('studios')
export class StudiosController {
  constructor(private readonly studios: StudiosService) {}

  @Get()
  @ApiOperation({ summary: '我能看到的工作室（按状态、单位、辖区、名称筛选）' })
  @ApiOkResponse({ type: PageOf(StudioView) })
  list(@CurrentCaller() caller: Caller, @Query() q: ListStudiosQuery) {
    return this.studios.list(caller, q);
  }

  @Idempotent()
  @Post()
  @ApiOperation({ summary: '在本辖区的单位下新建工作室（人社局评审）；考核政策随辖区' })
  @ApiCreatedResponse({ type: StudioView })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateStudioDto) {
    return this.studios.create(caller, dto);
  }

  @Get(':studioId')
  @ApiOperation({ summary: '工作室详情' })
  @ApiOkResponse({ type: StudioView })
  get(@CurrentCaller() caller: Caller, @Param('studioId', StudioId) id: number) {
    return this.studios.get(caller, id);
  }

  @Patch(':studioId')
  @ApiOperation({ summary: '更新工作室档案（场地、标识、制度、领办人信息；领办人/成员）' })
  @ApiOkResponse({ type: StudioView })
  update(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) id: number,
    @Body() dto: UpdateStudioDto,
  ) {
    return this.studios.update(caller, id, dto);
  }

  @Post(':studioId/facts/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: '单位确认工作室名称与场地设施（单位联系人；领办人修改后须重新确认）' })
  @ApiOkResponse({ type: StudioView })
  confirmFacts(@CurrentCaller() caller: Caller, @Param('studioId', StudioId) id: number) {
    return this.studios.confirmFacts(caller, id);
  }

  @Patch(':studioId/standing')
  @ApiOperation({ summary: '更新工作室状态、一票否决、评审总分（人社局评审）' })
  @ApiOkResponse({ type: StudioView })
  standing(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) id: number,
    @Body() dto: UpdateStandingDto,
  ) {
    return this.studios.updateStanding(caller, id, dto);
  }
}
