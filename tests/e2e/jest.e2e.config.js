/**
 * Browser tests: the real production task pane in headless Chromium (Debian's, /usr/bin/chromium), against the
 * Excel simulator in the harness. `npm run test:e2e`. Chromium missing: skipped with a loud warning on a laptop,
 * a failure under CI=true (tests/helpers/tools.ts). Set E2E_SKIP_BUILD=1 to reuse the last harness build.
 */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
  },
  globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
  testTimeout: 180000,
  maxWorkers: 1,
  reporters: ['default', '<rootDir>/tests/summary-reporter.js'],
};
