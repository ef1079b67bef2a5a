/** Deadline rules (docs/rules-contract.md "Deadline ids"), as factories a policy configures with its article. */
import { addDays, addMonths, makeDate, yearOf } from './dates.js';
import type { DeadlineSpec } from './policy-definition.js';
import { documentsFor } from './tallies/documents.js';

/**
 * A paper due 31 December of asOf's year, done when a document of `kind` for the year
 * `yearOffset` after asOf's was submitted by then.
 */
function yearEndDocumentDeadline(
  id: 'annual_plan' | 'annual_summary',
  kind: 'annual_plan' | 'annual_summary',
  yearOffset: number,
  rule: string,
  what: string,
  article: string,
): DeadlineSpec {
  return {
    id,
    article,
    rule,
    compute(ctx) {
      const year = yearOf(ctx.asOf) + yearOffset;
      const dueOn = makeDate(yearOf(ctx.asOf), 12, 31);
      const basedOn = documentsFor(ctx, kind, [year], dueOn);
      const done = basedOn.length > 0;
      return {
        dueOn,
        done,
        basedOn,
        explanation: done
          ? `${year} 年${what}已报送（${basedOn.join('、')}）。`
          : `${year} 年${what}须在 ${dueOn} 前报送，截至 ${ctx.asOf} 尚无记录（${article}）。`,
      };
    },
  };
}

/** Next year's plan, due 31 December of asOf's year; done when a plan FOR next year was submitted by then. */
export function annualPlanDeadline(article: string): DeadlineSpec {
  return yearEndDocumentDeadline(
    'annual_plan',
    'annual_plan',
    1,
    '每年12月31日前报送次年工作计划',
    '工作计划',
    article,
  );
}

/** The year's summary or report, due 31 December of asOf's year. */
export function annualSummaryDeadline(article: string): DeadlineSpec {
  return yearEndDocumentDeadline(
    'annual_summary',
    'annual_summary',
    0,
    '每年12月31日前报送本年度工作总结（运行成果）',
    '工作总结',
    article,
  );
}

/**
 * End-of-cycle assessment `monthsBefore` months before the cycle ends: the day after the cycle's
 * last day, minus the months, minus one day (a cycle ending 2026-02-28 is due 2025-11-30).
 * Run by the bureau: the facts hold no record of it, so `done` stays false.
 */
export function cycleAssessmentDeadline(article: string, monthsBefore: number): DeadlineSpec {
  return {
    id: 'cycle_assessment',
    article,
    rule: `建设期满前 ${monthsBefore} 个月进行期满考核`,
    compute(ctx) {
      const dueOn = addDays(addMonths(addDays(ctx.cycle.to, 1), -monthsBefore), -1);
      return {
        dueOn,
        done: false,
        basedOn: [],
        explanation: `本建设周期 ${ctx.cycle.from} 至 ${ctx.cycle.to}，期满考核在 ${dueOn} 前进行（${article}）。`,
      };
    },
  };
}

/** Applications due on a fixed day of asOf's year; done once the studio has been recognised. */
export function applicationDeadline(article: string, month: number, day: number): DeadlineSpec {
  return {
    id: 'application',
    article,
    rule: `每年${month}月${day}日前报送申报材料`,
    compute(ctx) {
      const dueOn = makeDate(yearOf(ctx.asOf), month, day);
      const done = ctx.facts.studio.recognizedOn <= ctx.asOf;
      return {
        dueOn,
        done,
        basedOn: done ? ['studio.recognizedOn'] : [],
        explanation: done
          ? `工作室已于 ${ctx.facts.studio.recognizedOn} 认定；新申报须在 ${dueOn} 前报送（${article}）。`
          : `申报材料须在 ${dueOn} 前报送（${article}）。`,
      };
    },
  };
}

/** The recognition term ends: renew (after assessment) by its last day. */
export function renewalDeadline(article: string): DeadlineSpec {
  return {
    id: 'renewal',
    article,
    rule: '认定有效期届满，期满前考核、申请延续',
    compute(ctx) {
      return {
        dueOn: ctx.cycle.to,
        done: false,
        basedOn: [],
        explanation: `本期认定有效期 ${ctx.cycle.from} 至 ${ctx.cycle.to}，期满须考核后申请延续（${article}）。`,
      };
    },
  };
}
