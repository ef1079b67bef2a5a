import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import type { AssessmentSheet, Facts, Progress, RulesModule } from './contract';

function loadRules(): Partial<RulesModule> {
  // shared-rules is built to CommonJS for Node (its package.json `require` export).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@master-studio/shared-rules') as Partial<RulesModule>;
}

/** The server's only door to shared-rules: no policy number lives in the server. */
@Injectable()
export class RulesService {
  private readonly rules = loadRules();

  policyIds(): string[] {
    return (this.rules.policies ?? []).map((p) => p.id);
  }

  evaluate(facts: Facts, asOf: string): Progress {
    const evaluate = this.rules.evaluate;
    if (!evaluate) throw new DomainError('RULES_UNAVAILABLE', '政策规则模块尚未就绪');
    return this.call(() => evaluate(facts, asOf));
  }

  score(facts: Facts, asOf: string): AssessmentSheet {
    const score = this.rules.score;
    if (!score) throw new DomainError('RULES_UNAVAILABLE', '政策规则模块尚未就绪');
    return this.call(() => score(facts, asOf));
  }

  private call<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      // shared-rules rejects bad facts with a message naming the field.
      throw new DomainError('RULES_REJECTED', `档案数据不完整或有误，无法计算：${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
