/** Unit, integration and file-level tests. Browser tests live in tests/e2e and run with `npm run test:e2e`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
  },
  testTimeout: 120000,
  globalSetup: '<rootDir>/tests/build-cli.global-setup.js',
  reporters: ['default', '<rootDir>/tests/summary-reporter.js'],
};
