import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { RecordId, StudioId } from '../common/id.pipe';
import { CreateAchievementDto, ListAchievementsQuery, UpdateAchievementDto } from './dto/achievement.dto';
import { AchievementsService } from './achievements.service';
import { Idempotent } from '../records/idempotency';

@ApiTags('成果')
@ApiBearerAuth()
@Controller('studios/:studioId/achievements')
export class AchievementsController {
  constructor(private readonly service: AchievementsService) {}

  @Get()
  @ApiOperation({ summary: '成果列表（分页、筛选）' })
  list(@CurrentCaller() caller: Caller, @Param('studioId', StudioId) studioId: number, @Query() q: ListAchievementsQuery) {
    return this.service.list(caller, studioId, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '查看单条成果' })
  get(@CurrentCaller() caller: Caller, @Param('studioId', StudioId) studioId: number, @Param('id', RecordId) id: number) {
    return this.service.get(caller, studioId, id);
  }

  @Idempotent()
  @Post()
  @ApiOperation({ summary: '新增成果（领办人/成员）' })
  create(@CurrentCaller() caller: Caller, @Param('studioId', StudioId) studioId: number, @Body() dto: CreateAchievementDto) {
    return this.service.create(caller, studioId, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改成果（领办人/成员；已定稿期间不可改）' })
  update(@CurrentCaller() caller: Caller, @Param('studioId', StudioId) studioId: number, @Param('id', RecordId) id: number, @Body() dto: UpdateAchievementDto) {
    return this.service.update(caller, studioId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除成果（领办人/成员；已审核确认或已定稿的不可删）' })
  remove(@CurrentCaller() caller: Caller, @Param('studioId', StudioId) studioId: number, @Param('id', RecordId) id: number): Promise<void> {
    return this.service.remove(caller, studioId, id);
  }
}
