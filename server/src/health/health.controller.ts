import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/caller';

@ApiTags('运维')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** Liveness and database reachability, for load balancers and the quick start. */
  @Public()
  @Get()
  @ApiOperation({ summary: '健康检查（含数据库连通）' })
  async check(): Promise<{ status: 'ok'; database: string }> {
    await this.dataSource.query('SELECT 1');
    return { status: 'ok', database: this.dataSource.options.type };
  }
}
