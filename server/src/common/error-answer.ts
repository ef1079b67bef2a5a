import type { ServerResponse } from 'node:http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOMAIN_ERROR_CODES } from './domain-error';

/** The codes of answers that are not domain errors (framework errors, bad bodies, outages, crash). */
const HTTP_ERROR_CODES = [
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'DATABASE_UNAVAILABLE',
  'DATABASE_BUSY',
  'HTTP_ERROR',
  'INTERNAL',
] as const;

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

/** Writes an error answer; used by the exception filter and by middleware that answers before Nest routes. */
export function sendError(
  res: ServerResponse,
  status: number,
  body: ErrorBody,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
