import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/caller';

export class HealthView {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ description: '数据库类型（mysql 或 sqljs）' }) database: string;
}

@ApiTags('运维')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** Liveness and database reachability, for load balancers and the quick start. */
  @Public()
  @Get()
  @ApiOperation({ summary: '健康检查（含数据库连通）' })
  @ApiOkResponse({ type: HealthView })
  async check(): Promise<HealthView> {
    await this.dataSource.query('SELECT 1');
    return { status: 'ok', database: this.dataSource.options.type };
  }
}
