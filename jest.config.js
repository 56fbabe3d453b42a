/**
 * Jest in native ESM mode (Payload 3 is ESM-only): `npm test` sets --experimental-vm-modules.
 * Projects: pure unit tests; integration tests through Payload on a throwaway SQLite file per
 * test file; HTTP tests against the real server, started once; browser tests (e2e) in Chromium.
 */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
        target: 'es2022',
        // Keeps `with { type: 'json' }`, which Node needs to import JSON as a module.
        experimental: { keepImportAttributes: true },
      },
      module: { type: 'es6' },
    },
  ],
}

const shared = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform,
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/payload.config.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  testEnvironment: 'node',
}

/** @type {import('jest').Config} */
const config = {
  // A global option (projects ignore it); the slowest browser test sets its own.
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'int',
      testMatch: ['<rootDir>/tests/int/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/support/setupIntEnv.ts'],
    },
    {
      ...shared,
      displayName: 'http',
      testMatch: ['<rootDir>/tests/http/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/httpGlobalSetup.ts',
      globalTeardown: '<rootDir>/tests/support/httpGlobalTeardown.ts',
    },
    {
      ...shared,
      // Several processes with PostgreSQL, Redis and Varnish (Debian packages): `npm run test:cluster`.
      displayName: 'cluster',
      testMatch: ['<rootDir>/tests/cluster/**/*.test.ts'],
    },
    {
      ...shared,
      // Browser tests (Chromium): `npm run test:e2e`, not part of `npm test`.
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/httpGlobalSetup.ts',
      globalTeardown: '<rootDir>/tests/support/httpGlobalTeardown.ts',
    },
  ],
}

export default config
