/**
 * The policy registry. Each policy file cites its official text, docs/policies/<id>.txt, by
 * article ("urumqi-2023 第四条"); the digest of checkable rules is docs/policies/digest.md.
 * A sixth policy is one new file beside these plus one line here
 * (and its tests and golden fixtures).
 */
import type { PolicyDefinition } from '../policy-definition.js';
import type { PolicySummary } from '../types.js';
import { gongshu2020 } from './gongshu-2020.js';
import { shaoguan2022 } from './shaoguan-2022.js';
import { shunyi2023 } from './shunyi-2023.js';
import { urumqi2023 } from './urumqi-2023.js';
import { yuzhong2023 } from './yuzhong-2023.js';

export const POLICY_DEFINITIONS: readonly PolicyDefinition[] = [
  yuzhong2023,
  shunyi2023,
  gongshu2020,
  urumqi2023,
  shaoguan2022,
];

export const POLICY_IDS: readonly string[] = POLICY_DEFINITIONS.map((p) => p.id);

export const policies: readonly PolicySummary[] = POLICY_DEFINITIONS.map(
  ({ id, title, jurisdiction }) => ({ id, title, jurisdiction }),
);

const byId = new Map(POLICY_DEFINITIONS.map((p) => [p.id, p]));

export function getPolicy(id: string): PolicyDefinition {
  const p = byId.get(id);
  if (!p) throw new Error(`Unknown policyId ${JSON.stringify(id)}`);
  return p;
}
