/**
 * The progress routes answer shared-rules' own contract types (Facts, Progress, AssessmentSheet,
 * packages/shared-rules/src/types.ts), which server and app import from that package: the
 * OpenAPI document names them but does not repeat their fields.
 */
export const SHARED_RULES_OBJECT = (name: 'Facts' | 'Progress' | 'AssessmentSheet', what: string) =>
  ({
    type: 'object',
    additionalProperties: true,
    description: `${what}（@master-studio/shared-rules 的 ${name}，字段见 packages/shared-rules/src/types.ts）`,
  }) as const;
