import type { LoggerService } from '@nestjs/common';
import type { LogLevel } from '../config/config';
import { redactText, redactValue } from './redact';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/**
 * One JSON object per line on stdout: `{ time, level, context, msg, ...fields }`, with names,
 * phone numbers, ID-card numbers and tokens cut out (redact.ts).
 */
export class JsonLogger implements LoggerService {
  constructor(private readonly level: LogLevel = 'info') {}

  write(
    level: Exclude<LogLevel, 'silent'>,
    msg: unknown,
    context?: string,
    fields?: Record<string, unknown>,
  ): void {
    if (RANK[level] < RANK[this.level]) return;
    const line = {
      time: new Date().toISOString(),
      level,
      ...(context ? { context } : {}),
      msg: redactText(
        typeof msg === 'string'
          ? msg
          : msg instanceof Error
            ? msg.message
            : JSON.stringify(redactValue(msg)),
      ),
      ...(fields ? (redactValue(fields) as Record<string, unknown>) : {}),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }

  log(msg: unknown, ...rest: unknown[]): void {
    this.write('info', msg, contextOf(rest));
  }
  error(msg: unknown, ...rest: unknown[]): void {
    this.write('error', msg, contextOf(rest));
  }
  warn(msg: unknown, ...rest: unknown[]): void {
    this.write('warn', msg, contextOf(rest));
  }
  debug(msg: unknown, ...rest: unknown[]): void {
    this.write('debug', msg, contextOf(rest));
  }
  verbose(msg: unknown, ...rest: unknown[]): void {
    this.write('debug', msg, contextOf(rest));
  }
}

function contextOf(rest: unknown[]): string | undefined {
  const last = rest[rest.length - 1];
  return typeof last === 'string' ? last : undefined;
}
