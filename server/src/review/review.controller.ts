import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { AsOfQuery } from '../common/date-range';
import { StudioId } from '../common/id.pipe';
import {
  OverrideView,
  PutOverrideDto,
  PutReviewCommentDto,
  ReviewCommentView,
  ReviewView,
} from './dto/review.dto';
import { ReviewService } from './review.service';

@ApiTags('评审')
@ApiBearerAuth()
@Controller('studios/:studioId')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Get('review')
  @ApiOperation({ summary: '考核表的评审意见、改分及各项目依据的记录' })
  @ApiOkResponse({ type: ReviewView })
  get(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Query() q: AsOfQuery,
  ) {
    return this.review.get(caller, studioId, q.asOf);
  }

  @Put('review/comment')
  @ApiOperation({ summary: '填写评审意见（人社局评审；记录评审人与日期）' })
  @ApiOkResponse({ type: ReviewCommentView })
  putComment(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Body() dto: PutReviewCommentDto,
  ) {
    return this.review.putComment(caller, studioId, dto);
  }

  @Put('overrides/:itemId')
  @ApiOperation({ summary: '改定考核项目得分（人社局评审；须填理由，显示在考核表上并记入审计）' })
  @ApiOkResponse({ type: OverrideView })
  putOverride(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Param('itemId') itemId: string,
    @Body() dto: PutOverrideDto,
  ) {
    return this.review.putOverride(caller, studioId, itemId, dto);
  }

  @Delete('overrides/:itemId')
  @HttpCode(204)
  @ApiOperation({ summary: '撤销改分，恢复自动计算的得分（人社局评审）' })
  deleteOverride(
    @CurrentCaller() caller: Caller,
    @Param('studioId', StudioId) studioId: number,
    @Param('itemId') itemId: string,
  ) {
    return this.review.deleteOverride(caller, studioId, itemId);
  }
}
