import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { DomainExceptionFilter } from './domain-exception.filter';
import { IdempotencyPurge } from './idempotency-purge';
import { createValidationPipe } from './validation';

/** The global error filter ({ code, message, fields? }) and validation pipe; the Idempotency-Key purge. */
@Module({
  providers: [
    { provide: APP_FILTER, useClass: DomainExceptionFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    IdempotencyPurge,
  ],
})
export class CommonModule {}
