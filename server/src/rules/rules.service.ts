import { Injectable } from '@nestjs/common';
import { type AssessmentSheet, evaluate, type Facts, type Progress, score } from '@master-studio/shared-rules';
import { DomainError } from '../common/domain-error';

/** The server's only door to shared-rules' evaluation: no policy number lives in the server. */
@Injectable()
export class RulesService {
  evaluate(facts: Facts, asOf: string): Progress {
    return this.call(() => evaluate(facts, asOf));
  }

  score(facts: Facts, asOf: string): AssessmentSheet {
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
