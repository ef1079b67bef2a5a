/** Deadline rules (docs/rules-contract.md "Deadline ids"), as factories a policy configures with its article. */
import { addDays, addMonths, daysBetween, makeDate, yearOf } from './dates.js';
import type { DeadlineSpec } from './policy-definition.js';
import { documentsFor } from './tallies/documents.js';

/**
 * A paper due 31 December of every year: done when a document of `kind` for the year
 * `yearOffset` after the due year was submitted by then.
 *
 * Seeds: yuzhong-2023 第十四条 "工作室每年12 月底前向区人力社保局报送次年工作计划";
 * shunyi-2023 第十三条 "每年定期按要求将工作室全年工作情况及运行成果报送区人力资源和社会保障局";
 * urumqi-2023 第十九条（一） "每年年底……报送全年工作总结及下一年度工作计划". The duty is yearly and
 * does not lapse at midnight on 31 December: a paper still missing on 1 January is overdue, not
 * replaced by next year's. So `compute` gives 31 December of asOf's year, and `carriedOver` gives
 * the previous 31 December while its paper has not been submitted at all (a late submission ends
 * it; it still does not make that deadline `done`, which the contract reserves for papers in by the
 * due date). Nothing is carried over from before recognition: a studio recognised after that
 * 31 December owed nothing then.
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
      const dueOn = makeDate(yearOf(ctx.asOf), 12, 31);
      const year = yearOf(dueOn) + yearOffset;
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
    carriedOver(ctx) {
      const dueOn = makeDate(yearOf(ctx.asOf) - 1, 12, 31);
      if (dueOn < ctx.facts.studio.recognizedOn) return null;
      const year = yearOf(dueOn) + yearOffset;
      // Any submission up to asOf (late included) settles it; documentsFor caps at asOf.
      if (documentsFor(ctx, kind, [year]).length > 0) return null;
      return {
        dueOn,
        done: false,
        basedOn: [],
        explanation: `${year} 年${what}须在 ${dueOn} 前报送，已逾期 ${daysBetween(dueOn, ctx.asOf)} 天，截至 ${ctx.asOf} 仍未报送，请尽快补报（${article}）。`,
      };
    },
  };
}

/**
 * Next year's plan, due 31 December of asOf's year; done when a plan FOR next year was submitted by
 * then. Last year's (the plan for asOf's year), if never submitted, is listed as overdue too.
 */
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

/**
 * The year's summary or report, due 31 December of asOf's year. Last year's, if never submitted,
 * is listed as overdue too.
 */
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
