import { evaluate, score } from '@master-studio/shared-rules';
import type { Assessment, Facts, Progress } from './facts';

/** shared-rules' evaluate, run on the phone (the preview works offline once the facts are loaded). */
export function evaluateOnDevice(facts: Facts, asOf: string): Progress {
  return evaluate(facts, asOf);
}

/** shared-rules' score, run on the phone: the preview shows the sheet's change as well as the targets'. */
export function scoreOnDevice(facts: Facts, asOf: string): Assessment {
  return score(facts, asOf);
}
