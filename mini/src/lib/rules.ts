import * as rules from '@master-studio/shared-rules';
import type { Facts, Progress } from './facts';

type EvaluateFn = (facts: Facts, asOf: string) => Progress;

/** shared-rules' evaluate, run on the phone (the preview works offline once the facts are loaded). */
export function evaluateOnDevice(facts: Facts, asOf: string): Progress {
  const fn = (rules as unknown as { evaluate?: EvaluateFn }).evaluate;
  if (typeof fn !== 'function') throw new Error('规则库尚未就绪，无法预览');
  return fn(facts, asOf);
}
