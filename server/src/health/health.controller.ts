import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { DataSource } from 'typeorm';
import { Public } from '../auth/caller';
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  RETRY_AFTER_SECONDS,
} from '../common/domain-exception.filter';

/** A health probe that hangs is as bad as a failing one: the database gets this long to answer. */
export const HEALTH_DB_TIMEOUT_MS = 2000;

/** `ok`, or `down` (answered with 503 and Retry-After) while the database does not answer. */
export class HealthView {
  @ApiProperty({ enum: ['ok', 'down'] }) status: 'ok' | 'down';
  @ApiProperty({ description: '数据库类型（mysql 或 sqljs）' }) database: string;
  @ApiPropertyOptional({ enum: [false] }) databaseUp?: false;
  @ApiPropertyOptional({ description: '数据库不可用时的中文说明' }) message?: string;
}

@ApiTags('运维')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** Liveness and database reachability, for load balancers and the quick start: 503 with Retry-After while the database is down. */
  @Public()
  @Get()
  @ApiOperation({ summary: '健康检查（含数据库连通；数据库不可用时 503）' })
  @ApiOkResponse({ type: HealthView })
  async check(@Res({ passthrough: true }) res: ServerResponse): Promise<HealthView> {
    const database = this.dataSource.options.type;
    if (await this.databaseAnswers()) return { status: 'ok', database };
    res.statusCode = 503;
    res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    return { status: 'down', database, databaseUp: false, message: DATABASE_UNAVAILABLE_MESSAGE };
  }

  private async databaseAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>(
      (resolve) => (timer = setTimeout(() => resolve(false), HEALTH_DB_TIMEOUT_MS)),
    );
    try {
      return await Promise.race([
        this.dataSource.query('SELECT 1').then(
          () => true,
          () => false,
        ),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
