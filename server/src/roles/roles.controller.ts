import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { IdPipe, RecordId, StudioId } from '../common/id.pipe';
import { RoleGrantListView } from './dto/role-grant.dto';
import { RolesService } from './roles.service';

const UnitId = new IdPipe('unitId');

@ApiTags('邀请与加入')
@ApiBearerAuth()
@Controller()
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get('studios/:studioId/roles')
  @ApiOperation({ summary: '工作室中我可移除的角色（评审：领办人；领办人：成员、学徒）' })
  @ApiOkResponse({ type: RoleGrantListView })
  listForStudio(@CurrentCaller() caller: Caller, @Param('studioId', StudioId) studioId: number) {
    return this.roles.listForStudio(caller, studioId);
  }

  @Get('units/:unitId/roles')
  @ApiOperation({ summary: '单位联系人（人社局评审）' })
  @ApiOkResponse({ type: RoleGrantListView })
  listForUnit(@CurrentCaller() caller: Caller, @Param('unitId', UnitId) unitId: number) {
    return this.roles.listForUnit(caller, unitId);
  }

  @Delete('roles/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: '移除角色（评审移除领办人、单位联系人；领办人移除成员、学徒），立即生效，记入审计日志',
  })
  remove(@CurrentCaller() caller: Caller, @Param('id', RecordId) id: number): Promise<void> {
    return this.roles.remove(caller, id);
  }
}
