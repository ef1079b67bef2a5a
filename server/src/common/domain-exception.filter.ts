import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { ServerResponse } from 'node:http';
import { databaseTrouble, inputErrorAnswer } from './db-errors';
import { DomainError, httpStatusOf } from './domain-error';
import { type ErrorBody, sendError } from './error-answer';

export { ErrorBody } from './error-answer';

const HTTP_MESSAGES: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', '请求格式有误'],
  401: ['UNAUTHENTICATED', '请先登录'],
  403: ['FORBIDDEN', '当前角色无权执行此操作'],
  404: ['NOT_FOUND', '接口或记录不存在'],
  413: ['PAYLOAD_TOO_LARGE', '提交的内容过大'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '只接受 JSON 格式的请求体（Content-Type: application/json）'],
};

/** While the database is down: how long clients should wait before retrying (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 5;
export const DATABASE_UNAVAILABLE_MESSAGE = '数据库暂时无法连接，请稍后重试';

/** The one place that turns errors into `{ code, message, fields? }` answers. */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<ServerResponse>();
    const [status, body, headers] = this.toAnswer(exception);
    if (status === 503 && headers)
      this.logger.warn(
        `database ${body.code}: ${exception instanceof Error ? exception.message : String(exception)}`,
      );
    else if (status >= 500)
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    sendError(res, status, body, headers);
  }

  private toAnswer(e: unknown): [number, ErrorBody, Record<string, string>?] {
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
    const trouble = databaseTrouble(e);
    if (trouble === 'unavailable')
      return [
        503,
        { code: 'DATABASE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE },
        { 'retry-after': String(RETRY_AFTER_SECONDS) },
      ];
    if (trouble === 'busy')
      return [
        503,
        { code: 'DATABASE_BUSY', message: '服务器繁忙，请稍后重试' },
        { 'retry-after': '1' },
      ];
    const input = inputErrorAnswer(e);
    if (input)
      return [
        input.status,
        {
          code: input.code,
          message: input.message,
          ...(input.fields ? { fields: input.fields } : {}),
        },
      ];
    return [500, { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' }];
  }
}
