import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { ServerResponse } from 'node:http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOMAIN_ERROR_CODES, DomainError, httpStatusOf } from './domain-error';

/** The codes of answers that are not domain errors (framework errors, rate limit, crash). */
const HTTP_ERROR_CODES = ['BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'HTTP_ERROR', 'INTERNAL'] as const;

/** Every error answer (docs/api.md "Errors"); in the OpenAPI document as `ErrorBody`. */
export class ErrorBody {
  @ApiProperty({ enum: [...DOMAIN_ERROR_CODES, ...HTTP_ERROR_CODES] }) code: string;
  @ApiProperty({ description: '给用户看的中文说明' }) message: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: '出错的字段及其中文说明',
  })
  fields?: Record<string, string>;
}

const HTTP_MESSAGES: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', '请求格式有误'],
  401: ['UNAUTHENTICATED', '请先登录'],
  403: ['FORBIDDEN', '当前角色无权执行此操作'],
  404: ['NOT_FOUND', '接口或记录不存在'],
  413: ['PAYLOAD_TOO_LARGE', '提交的内容过大'],
};

/** The one place that turns errors into `{ code, message, fields? }` answers. */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<ServerResponse>();
    const [status, body] = this.toAnswer(exception);
    if (status >= 500)
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
  }

  private toAnswer(e: unknown): [number, ErrorBody] {
    if (e instanceof DomainError) {
      return [
        httpStatusOf(e.code),
        { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) },
      ];
    }
    if (e instanceof ThrottlerException)
      return [429, { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' }];
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const [code, message] = HTTP_MESSAGES[status] ?? ['HTTP_ERROR', '请求未能完成'];
      return [status, { code, message }];
    }
    return [500, { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' }];
  }
}
