// Nest 12 ships ES modules; @swc/jest compiles them (and our decorators) to CommonJS.
// See docs/architecture.md "Testing" for why this is not ts-jest.
const transform = {
  '^.+\\.(t|j|mj)s$': [
    '@swc/jest',
    {
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
      },
      module: { type: 'commonjs' },
    },
  ],
};
const common = {
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/|@nestjs/|file-type/|uid/|load-esm/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
/** @type {import('jest').Config} */
module.exports = {
  // testTimeout is a global option: inside `projects` Jest ignores it (hooks then time out at
  // 5 s on a busy machine). The projects' own values below document each suite's expectation.
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
      // beforeAll starts Nest and migrates a fresh database: seconds on a busy 2-core machine, not 5.
      testTimeout: 30_000,
    },
    // The fault and fuzz suite (docs/reliability.md): its own MariaDB restarts, fuzzing, two processes.
    {
      ...common,
      displayName: 'fault',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/fault/**/*.fault-spec.ts'],
      testTimeout: 30_000,
    },
    // Issue 16: replicas on a three-node Galera cluster the suite starts itself (test/galera).
    {
      ...common,
      displayName: 'galera',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/galera/**/*.galera-spec.ts'],
      testTimeout: 120_000,
    },
  ],
};
