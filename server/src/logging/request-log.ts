import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JsonLogger } from './json-logger';

/** Logs each request as JSON when it finishes: method, path, status, duration, account. */
export function requestLogger(logger: JsonLogger) {
  return (
    req: IncomingMessage & { caller?: { accountId: number }; originalUrl?: string },
    res: ServerResponse,
    next: () => void,
  ): void => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const level = res.statusCode >= 500 ? 'error' : 'info';
      logger.write(level, 'request', 'http', {
        method: req.method,
        path: (req.originalUrl ?? req.url ?? '').split('?')[0],
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        ...(req.caller ? { account: req.caller.accountId } : {}),
      });
    });
    next();
  };
}
