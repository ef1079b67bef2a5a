/** @type {import('jest').Config} */
// Unit tests for the app's logic (services and lib) and its build config; screens are covered
// by the e2e run and the headless weapp run (scripts/check-weapp.mjs).
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/config'],
  testMatch: ['**/*.spec.ts'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
};
