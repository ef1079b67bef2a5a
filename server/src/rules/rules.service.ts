import { Injectable } from '@nestjs/common';
import {
  type AssessmentSheet,
  evaluate,
  type Facts,
  FactsValidationError,
  type Progress,
  RECORD_KINDS,
  RULES_VERSION,
  score,
} from '@master-studio/shared-rules';
import { DomainError } from '../common/domain-error';
import { type FactsRefs, refsOf } from '../progress/facts.loader';

/**
 * Where rejected facts came from: `members.19.name` of facts built by FactsLoader names the
 * record (kind, id, name) instead of its position, which nobody outside this process can use.
 */
export function describeRejection(
  e: FactsValidationError,
  refs: FactsRefs,
): { where: string; fields: Record<string, string> } {
  const problem = e.message.replace(/^Invalid facts: \S+( \(\S+\))? /, '');
  const m = /^([a-z]+)\.(\d+)(?:\.(.+))?$/.exec(e.field);
  const ref = m ? refs[m[1] as keyof FactsRefs]?.[Number(m[2])] : undefined;
  if (!m || !ref) return { where: e.field, fields: { [e.field]: problem } };
  const field = m[3] ?? '';
  const who = `${RECORD_KINDS[ref.kind].noun}${ref.name ? `「${ref.name}」` : ''}（编号 ${ref.id}）`;
  return {
    where: field ? `${who}的 ${field}` : who,
    fields: { [`${ref.kind}:${ref.id}${field ? `.${field}` : ''}`]: problem },
  };
}

/** The server's only door to shared-rules' evaluation: no policy number lives in the server. */
@Injectable()
export class RulesService {
  /** shared-rules' version (package version + source hash): stored with every progress snapshot. */
  get version(): string {
    return RULES_VERSION;
  }

  evaluate(facts: Facts, asOf: string): Progress {
    return this.call(facts, () => evaluate(facts, asOf));
  }

  score(facts: Facts, asOf: string): AssessmentSheet {
    return this.call(facts, () => score(facts, asOf));
  }

  private call<T>(facts: Facts, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof FactsValidationError) {
        const { where, fields } = describeRejection(e, refsOf(facts));
        throw new DomainError(
          'RULES_REJECTED',
          `档案数据不完整或有误，无法计算：${where}：${Object.values(fields)[0] ?? e.message}`,
          fields,
        );
      }
      throw new DomainError(
        'RULES_REJECTED',
        `档案数据不完整或有误，无法计算：${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
}
