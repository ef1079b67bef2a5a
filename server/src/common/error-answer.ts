import type { ServerResponse } from 'node:http';

/** The body of every error answer (docs/api.md "Errors"). */
export interface ErrorBody {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

/** Writes an error answer; used by the exception filter and by middleware that answers before Nest routes. */
export function sendError(res: ServerResponse, status: number, body: ErrorBody, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
