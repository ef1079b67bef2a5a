export * from './skill-levels.js';

/** Placeholder until the policies land (issue 3). */
export const policies: ReadonlyArray<{ id: string; title: string; jurisdiction: string }> = [];
