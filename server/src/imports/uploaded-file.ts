import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** The uploaded file's bytes (a Buffer set by upload-body.ts), or whatever else the body was. */
export const UploadedFile = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): unknown =>
    ctx.switchToHttp().getRequest<{ body?: unknown }>().body,
);
