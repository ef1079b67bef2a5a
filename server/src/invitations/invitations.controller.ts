import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { RecordId } from '../common/id.pipe';
import { Idempotent } from '../common/idempotency';
import {
  CreatedInvitationView,
  CreateInvitationDto,
  InvitationView,
  ListInvitationsQuery,
} from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';
import { PageOf } from '../common/api-response';

@ApiTags('邀请与加入')
@ApiBearerAuth()
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Idempotent()
  @Post('invitations')
  @ApiOperation({
    summary: '生成一次性邀请码（评审邀请领办人/单位联系人；领办人邀请成员/学徒），7 天有效',
  })
  @ApiCreatedResponse({ type: CreatedInvitationView })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateInvitationDto) {
    return this.invitations.create(caller, dto);
  }

  @Get('invitations')
  @ApiOperation({ summary: '工作室（studioId）或单位（unitId）待使用的邀请，分页，新的在前' })
  @ApiOkResponse({ type: PageOf(InvitationView) })
  list(@CurrentCaller() caller: Caller, @Query() q: ListInvitationsQuery) {
    return this.invitations.listPending(caller, q);
  }

  @Delete('invitations/:id')
  @HttpCode(204)
  @ApiOperation({ summary: '撤销尚未使用的邀请' })
  @ApiNoContentResponse()
  revoke(@CurrentCaller() caller: Caller, @Param('id', RecordId) id: number): Promise<void> {
    return this.invitations.revoke(caller, id);
  }
}
