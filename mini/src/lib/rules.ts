import { evaluate } from '@master-studio/shared-rules';
import type { Facts, Progress } from './facts';

/** shared-rules' evaluate, run on the phone (the preview works offline once the facts are loaded). */
export function evaluateOnDevice(facts: Facts, asOf: string): Progress {
  return evaluate(facts, asOf);
}
