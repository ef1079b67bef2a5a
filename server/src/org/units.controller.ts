import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { CreateUnitDto, ListUnitsQuery, UnitView } from './dto/unit.dto';
import { UnitsService } from './units.service';
import { Idempotent } from '../common/idempotency';
import { PageOf } from '../common/api-response';

@ApiTags('单位')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({ summary: '我能看到的单位（评审：本辖区全部；单位联系人：本单位）' })
  @ApiOkResponse({ type: PageOf(UnitView) })
  list(@CurrentCaller() caller: Caller, @Query() q: ListUnitsQuery) {
    return this.units.list(caller, q);
  }

  @Idempotent()
  @Post()
  @ApiOperation({ summary: '在本辖区新建单位（人社局评审）' })
  @ApiCreatedResponse({ type: UnitView })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateUnitDto) {
    return this.units.create(caller, dto);
  }
}
