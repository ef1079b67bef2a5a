/** Findings every policy shares: not yet recognised, policy expired, draft text, veto. */
import { LABELS_ZH } from '../labels.js';
import type { FindingSpec } from '../policy-definition.js';
import { simpleRule } from './simple.js';

export function notYetRecognizedRule(article: string): FindingSpec {
  return simpleRule({
    rule: 'not_yet_recognized',
    severity: 'advisory',
    article,
    rule_zh: '统计日早于认定日：各项统计期尚未开始',
    test: (ctx) =>
      ctx.asOf < ctx.facts.studio.recognizedOn
        ? `工作室认定日为 ${ctx.facts.studio.recognizedOn}，晚于统计日 ${ctx.asOf}；以下为首个周期的预估。`
        : null,
  });
}

export function policyExpiredRule(validTo: string, article: string): FindingSpec {
  return simpleRule({
    rule: 'policy_expired',
    severity: 'advisory',
    article,
    rule_zh: `政策有效期至 ${validTo}`,
    test: (ctx) =>
      ctx.asOf > validTo
        ? `该政策有效期至 ${validTo}，统计日 ${ctx.asOf} 已过期，请核实是否有新政策（${article}）。`
        : null,
  });
}

export function policyDraftRule(article: string): FindingSpec {
  return simpleRule({
    rule: 'policy_draft',
    severity: 'advisory',
    article,
    rule_zh: '依据文本为征求意见稿，正式稿可能不同',
    test: () => `依据文本为征求意见稿，数字以正式印发稿为准（${article}）。`,
  });
}

export function vetoRule(article: string, grounds: string): FindingSpec {
  return simpleRule({
    rule: 'vetoed',
    severity: 'required',
    article,
    rule_zh: `一票否决：${grounds}`,
    test: (ctx) =>
      ctx.facts.studio.vetoed === true
        ? `存在一票否决事项（${grounds}），考核直接评定为${LABELS_ZH.grades.fail}（${article}）。`
        : null,
  });
}
