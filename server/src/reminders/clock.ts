import { Injectable } from '@nestjs/common';

/**
 * The reminders' "now". Production reads the system time; integration tests drive a studio
 * through a year with `set` (the scan also takes an explicit time, so nothing else depends on it).
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Tests only: freeze the clock at `at` (null: back to the system time). */
  set(at: Date | string | null): void {
    this.fixed = at === null ? null : new Date(at);
  }
}
